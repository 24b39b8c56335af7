import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runsCommand } from '../../cli/commands/runs.js';
import { runsShowCommand } from '../../cli/commands/runs-show.js';
import type { RunSummary } from '../../cli/format/run-summary.js';
import { StoreFixture, runCommand } from './store-fixture.js';
import { NODES, R1, R2, T1, T2, taxiScenario } from './taxi-scenario.js';

const sc = taxiScenario();
const store = sc.fx.path;

test('runs lists runs newest first with node counts, as a table', async () => {
  const { code, out } = await runCommand(runsCommand, { store });
  assert.equal(code, 0);
  const lines = out.split('\n');
  assert.match(lines[0], /^RUN\s+PIPELINE\s+STATUS\s+STARTED\s+DURATION\s+RAN\s+CACHED\s+FAILED\s+SKIPPED$/);
  assert.match(lines[1], /^-+( +-+){8}$/);
  assert.match(lines[2], new RegExp(`^${R2}\\s+taxi\\s+failed\\s+2026-01-02T10:00:00Z\\s+2.00s\\s+1\\s+1\\s+1\\s+1$`));
  assert.match(lines[3], new RegExp(`^${R1}\\s+taxi\\s+complete\\s+2026-01-01T10:00:00Z\\s+8.00s\\s+4\\s+0\\s+0\\s+0$`));
  assert.equal(lines.length, 4);
  assert.equal(lines[2].indexOf('taxi'), lines[0].indexOf('PIPELINE'), 'columns are aligned');
});

test('runs --json prints one array document; --limit keeps the newest', async () => {
  const { out, stdoutWrites } = await runCommand(runsCommand, { store, json: true });
  assert.equal(stdoutWrites, 1);
  assert.deepEqual(JSON.parse(out), [
    { runId: R2, pipeline: 'taxi', status: 'failed', startedAt: '2026-01-02T10:00:00Z', durationMs: 2000, nodes: { ran: 1, cached: 1, failed: 1, skipped: 1 } },
    { runId: R1, pipeline: 'taxi', status: 'complete', startedAt: '2026-01-01T10:00:00Z', durationMs: 8000, nodes: { ran: 4, cached: 0, failed: 0, skipped: 0 } },
  ]);
  const limited = JSON.parse((await runCommand(runsCommand, { store, json: true, limit: 1 })).out) as { runId: string }[];
  assert.deepEqual(limited.map((r) => r.runId), [R2]);
});

test('runs show --json gives status, environment and each node with outputs and error', async () => {
  const { out, stdoutWrites } = await runCommand(runsShowCommand, { store, runId: R2, json: true });
  assert.equal(stdoutWrites, 1);
  const s = JSON.parse(out) as RunSummary;
  assert.equal(s.runId, R2);
  assert.equal(s.status, 'failed');
  assert.equal(s.pipeline, 'taxi');
  assert.equal(s.startedAt, '2026-01-02T10:00:00Z');
  assert.equal(s.durationMs, 2000);
  assert.deepEqual(s.environment, { tfxTsVersion: '0.1.0', nodeVersion: 'v20.19.0', backend: 'wasm', gitCommit: 'abc1234' });
  assert.deepEqual(s.nodes.map((n) => [n.id, n.type, n.status, n.executionId]), [
    ['example_gen', 'CsvExampleGen', 'cached', sc.exec.gen2],
    ['statistics_gen', 'StatisticsGen', 'complete', sc.exec.stats2],
    ['schema_gen', 'SchemaGen', 'failed', sc.exec.schema2],
    ['trainer', 'Trainer', 'skipped', null],
  ]);
  const ex = sc.fx.store.getArtifact(sc.examples)!;
  assert.deepEqual(s.nodes[0].outputs, { examples: { artifactId: sc.examples, type: 'Examples', uri: ex.uri, digest: sc.fx.digest(sc.examples) } });
  assert.equal(s.nodes[1].outputs.statistics.artifactId, sc.stats2);
  assert.equal(s.nodes[2].error, 'schema_gen: statistics have no features');
  assert.equal(s.nodes[1].durationMs, 900);
  assert.deepEqual(s.nodes[1].steps, { resolve_inputs: 10, cache_key: 40, cache_lookup: 2, start_execution: 3, execute: 800, digest_and_seal: 30, publish: 15 });
  assert.equal(s.nodes[3].durationMs, null);
});

test('runs show prints fields, a node table, errors and the per-step performance table', async () => {
  const { out } = await runCommand(runsShowCommand, { store, runId: R2 });
  assert.match(out, new RegExp(`^run {9}${R2}$`, 'm'));
  assert.match(out, /^backend {5}wasm$/m);
  assert.match(out, /^git commit {2}abc1234$/m);
  assert.match(out, /^NODE\s+COMPONENT\s+STATUS\s+DURATION\s+EXECUTION\s+OUTPUTS$/m);
  assert.match(out, new RegExp(`^example_gen\\s+CsvExampleGen\\s+cached\\s+0ms\\s+${sc.exec.gen2}\\s+examples=#${sc.examples}$`, 'm'));
  assert.match(out, /^trainer\s+Trainer\s+skipped\s+—\s+—\s+—$/m);
  assert.match(out, /^errors:\n {2}schema_gen: statistics have no features$/m);
  const perf = out.slice(out.indexOf('performance (slowest steps'));
  assert.match(perf, /^performance \(slowest steps, 13 of 13\):$|^performance \(slowest steps\):$/m);
  assert.match(perf, /CALLER\s+STEP\s+ELAPSED MS\s+SHARE/);
  const rows = perf.split('\n').slice(3).map((r) => r.trim().split(/\s+/));
  assert.deepEqual(rows.slice(0, 4), [
    ['statistics_gen', 'execute', '800', '40.0%'],
    ['schema_gen', 'fail_and_clean_up', '92', '4.6%'],
    ['statistics_gen', 'cache_key', '40', '2.0%'],
    ['statistics_gen', 'digest_and_seal', '30', '1.5%'],
  ]);
  assert.equal(rows.length, 13, 'every recorded step of the run, slowest first');
});

test('runs show of an unknown run id is NOT_FOUND and names close ids', async () => {
  await assert.rejects(runCommand(runsShowCommand, { store, runId: '20260102-100000-bbbbbc' }),
    (e: Error & { code?: string }) => e.code === 'NOT_FOUND' && e.message.includes(`did you mean ${R2}`));
});

test('a run still going shows unstarted nodes as pending; --only runs list just their nodes', async () => {
  const fx = new StoreFixture();
  const live = fx.beginRun('live', NODES, { startMs: T1, live: true });
  fx.execution(live, { node: 'example_gen', component: 'CsvExampleGen', state: 'COMPLETE', durationMs: 10 });
  const only = fx.beginRun('only', NODES, { startMs: T2, options: { noCache: false, to: null, only: ['statistics_gen'] } });
  fx.execution(only, { node: 'statistics_gen', component: 'StatisticsGen', state: 'COMPLETE', durationMs: 10 });
  fx.finishRun(only, 'complete', T2 + 50);
  const liveRun = JSON.parse((await runCommand(runsShowCommand, { store: fx.path, runId: 'live', json: true })).out) as RunSummary;
  assert.equal(liveRun.status, 'running');
  assert.equal(liveRun.durationMs, null);
  assert.deepEqual(liveRun.nodes.map((n) => n.status), ['complete', 'pending', 'pending', 'pending']);
  const onlyRun = JSON.parse((await runCommand(runsShowCommand, { store: fx.path, runId: 'only', json: true })).out) as RunSummary;
  assert.deepEqual(onlyRun.nodes.map((n) => [n.id, n.status]), [['statistics_gen', 'complete']]);
  const list = JSON.parse((await runCommand(runsCommand, { store: fx.path, json: true })).out) as { runId: string; nodes: unknown }[];
  assert.deepEqual(list.map((r) => [r.runId, r.nodes]), [['only', { ran: 1, cached: 0, failed: 0, skipped: 0 }], ['live', { ran: 1, cached: 0, failed: 0, skipped: 0 }]]);
});

test('runs show still lists the executed nodes when the frozen pipeline is gone from disk', async () => {
  const fx = new StoreFixture();
  const run = fx.beginRun('r', NODES, { startMs: T1 });
  fx.execution(run, { node: 'example_gen', component: 'CsvExampleGen', state: 'COMPLETE', durationMs: 10 });
  fx.execution(run, { node: 'statistics_gen', component: 'StatisticsGen', state: 'FAILED', durationMs: 5, error: 'boom' });
  fx.finishRun(run, 'failed', T1 + 20);
  rmSync(fx.store.getArtifact(run.configId)!.uri, { recursive: true });
  const s = JSON.parse((await runCommand(runsShowCommand, { store: fx.path, runId: 'r', json: true })).out) as RunSummary;
  assert.deepEqual(s.nodes.map((n) => [n.id, n.status, n.error]), [['example_gen', 'complete', undefined], ['statistics_gen', 'failed', 'boom']]);
});

test('runs on an empty store says so; a missing store is NOT_FOUND', async () => {
  const fx = new StoreFixture();
  assert.match((await runCommand(runsCommand, { store: fx.path })).out, /^no runs recorded in /);
  assert.deepEqual(JSON.parse((await runCommand(runsCommand, { store: fx.path, json: true })).out), []);
  await assert.rejects(runCommand(runsCommand, { store: join(fx.dir, 'nope.sqlite') }), { code: 'NOT_FOUND' });
});
