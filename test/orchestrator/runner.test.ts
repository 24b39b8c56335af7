import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { REPO_ROOT, tempDir } from '../helpers.js';
import { cli, cliJson } from '../cli-helper.js';
import { writeFakePipeline } from './fake-pipeline.js';
import { openSqliteStore } from '../../metadata/sqlite/sqlite-store.js';

interface RunJson { runId: string; status: string; nodes: { id: string; type: string; status: string; outputs: Record<string, { artifactId: number; uri: string; digest: string }> }[] }
const byId = (r: RunJson) => Object.fromEntries(r.nodes.map((n) => [n.id, n]));

test('a run completes, seals its outputs, and a second run is fully cached with the same artifacts', async () => {
  const dir = tempDir();
  const file = writeFakePipeline(dir);
  const first = cliJson<RunJson>(await cli(['run', file, '--json']));
  assert.equal(first.status, 'complete');
  const n1 = byId(first);
  assert.deepEqual(Object.keys(n1).sort(), ['gen', 'side', 'upper']);
  for (const n of first.nodes) assert.equal(n.status, 'complete');
  const out = n1.upper.outputs.out;
  assert.equal(readFileSync(join(out.uri, 'data.txt'), 'utf8'), 'HELLO');
  assert.match(out.uri, new RegExp(`root/upper/out/\\d+$`));
  assert.equal(statSync(join(out.uri, 'data.txt')).mode & 0o222, 0, 'sealed files are read-only');
  assert.match(out.digest, /^[0-9a-f]{64}$/);

  const second = cliJson<RunJson>(await cli(['run', file, '--json']));
  assert.equal(second.status, 'complete');
  for (const n of second.nodes) assert.equal(n.status, 'cached', `${n.id} cached`);
  assert.equal(byId(second).upper.outputs.out.artifactId, out.artifactId, 'cache hit points at the same artifact');

  const noCache = cliJson<RunJson>(await cli(['run', file, '--json', '--no-cache']));
  for (const n of noCache.nodes) assert.equal(n.status, 'complete');

  // Each execution records its steps' times (the runs show performance table): executed vs cache hit.
  const store = openSqliteStore(join(dir, 'root', 'metadata.sqlite'));
  try {
    const stepsOf = (artifactOwner: RunJson): string[][] => {
      const run = store.getContextByName('pipeline_run', artifactOwner.runId);
      assert.ok(run, 'run context');
      return store.listExecutions({ contextId: run.id }).map((e) => Object.keys(e.customProperties.steps as Record<string, number>).sort());
    };
    for (const keys of stepsOf(first)) {
      assert.deepEqual(keys, ['cache_key', 'cache_lookup', 'digest_and_seal', 'execute', 'publish', 'resolve_inputs', 'start_execution']);
    }
    for (const keys of stepsOf(second)) assert.deepEqual(keys, ['cache_key', 'cache_lookup', 'record_cache_hit', 'resolve_inputs']);
  } finally {
    store.close();
  }
});

test('early cutoff: a param change that yields identical bytes leaves consumers cached; a real change re-runs them', async () => {
  const dir = tempDir();
  cliJson<RunJson>(await cli(['run', writeFakePipeline(dir), '--json']));
  const padded = byId(cliJson<RunJson>(await cli(['run', writeFakePipeline(dir, { pad: 5 }), '--json'])));
  assert.equal(padded.gen.status, 'complete', 'gen re-ran: its params changed');
  assert.equal(padded.upper.status, 'cached', 'upper cached: its input digest did not change');
  assert.equal(padded.side.status, 'cached');
  const changed = byId(cliJson<RunJson>(await cli(['run', writeFakePipeline(dir, { pad: 5, genText: 'bye' }), '--json'])));
  assert.equal(changed.gen.status, 'complete');
  assert.equal(changed.upper.status, 'complete');
  assert.equal(readFileSync(join(changed.upper.outputs.out.uri, 'data.txt'), 'utf8'), 'BYE');
});

test('editing a local import of a user module re-runs the node', async () => {
  const dir = tempDir();
  const file = writeFakePipeline(dir);
  assert.equal(cliJson<RunJson>(await cli(['run', file, '--json'])).status, 'complete');
  writeFileSync(join(dir, 'lib', 'util.mjs'), `export const shout = (s, up) => (up ? s.toUpperCase() : s); // edited\n`);
  const r = byId(cliJson<RunJson>(await cli(['run', file, '--json'])));
  assert.equal(r.gen.status, 'complete');
  assert.equal(r.side.status, 'complete');
  assert.equal(r.upper.status, 'cached', 'same bytes out of gen → upper stays cached');
});

test('a failing node publishes nothing, its downstream is skipped, independent branches finish, exit code 1', async () => {
  const dir = tempDir();
  const file = writeFakePipeline(dir, { genFail: true });
  const res = await cli(['run', file, '--json']);
  assert.equal(res.code, 1);
  const r = cliJson<RunJson>(res);
  assert.equal(r.status, 'failed');
  const n = byId(r);
  assert.equal(n.gen.status, 'failed');
  assert.equal(n.upper.status, 'skipped');
  assert.equal(n.side.status, 'complete');
  assert.deepEqual(n.gen.outputs, {});
  assert.equal(existsSync(join(dir, 'root', 'gen')), false, 'no output folder of the failed node');
  assert.equal(existsSync(join(dir, 'root', '.staging')) && readdirCount(join(dir, 'root', '.staging')) > 0, false, 'staging removed');
  const store = openSqliteStore(join(dir, 'root', 'metadata.sqlite'));
  try {
    const failed = store.listExecutions({ state: 'FAILED' });
    assert.equal(failed.length, 1);
    assert.match(String(failed[0].customProperties.error), /asked to fail/);
    assert.equal(store.listArtifacts({ state: 'ABANDONED' }).length, 1);
  } finally {
    store.close();
  }
});

test('an executor process that dies is a failed node, not a dead runner', async () => {
  const dir = tempDir();
  const res = await cli(['run', writeFakePipeline(dir, { crash: true }), '--json']);
  assert.equal(res.code, 1);
  const n = byId(cliJson<RunJson>(res));
  assert.equal(n.upper.status, 'failed');
  assert.equal(n.gen.status, 'complete');
  assert.match(res.stderr, /exit code 7/);
});

function readdirCount(d: string): number { return readdirSync(d).length; }

test('each run records a PipelineConfiguration artifact: the frozen pipeline, copies of every user module and local import, the environment', async () => {
  const dir = tempDir();
  const file = writeFakePipeline(dir);
  const r = cliJson<RunJson>(await cli(['run', file, '--json']));
  const store = openSqliteStore(join(dir, 'root', 'metadata.sqlite'));
  try {
    const [config] = store.listArtifacts({ type: 'PipelineConfiguration' });
    assert.ok(config, 'one PipelineConfiguration artifact');
    const ir = JSON.parse(readFileSync(join(config.uri, 'pipeline.json'), 'utf8')) as { pipelineRoot: string; nodes: { id: string; params: Record<string, unknown> }[] };
    assert.equal(ir.pipelineRoot, join(dir, 'root'), 'absolute paths');
    assert.deepEqual(ir.nodes.find((n) => n.id === 'gen')?.params, { text: 'hello', pad: 0, fail: false }, 'every param, defaults included');
    for (const m of ['gen.mjs', 'upper.mjs', 'lib/util.mjs']) {
      const copy = readdirSync(join(config.uri, 'modules'), { recursive: true }).map(String).find((p) => p.endsWith(m.replace('/', sep)));
      assert.ok(copy, `module ${m} is copied`);
      assert.equal(readFileSync(join(config.uri, 'modules', copy), 'utf8'), readFileSync(join(dir, m), 'utf8'));
    }
    const env = JSON.parse(readFileSync(join(config.uri, 'environment.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(env.runId, r.runId);
    assert.equal(env.nodeVersion, process.version);
    assert.equal(env.tfxTsVersion, (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    assert.match(String(env.backend), /^(tensorflow|wasm|cpu)$/);
    assert.equal(typeof env.gitCommit, 'string');
    assert.deepEqual(env.options, { noCache: false, to: null, only: null, parallelism: null });
  } finally {
    store.close();
  }
});
