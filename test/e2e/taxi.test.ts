import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, tempDir } from '../helpers.js';
import { cli, cliJson, startCli } from '../cli-helper.js';

interface RunJson { runId: string; status: string; nodes: { id: string; status: string; outputs: Record<string, { artifactId: number; type: string; digest: string }> }[] }
interface Lineage { artifacts: { id: number; type: string; digest: string }[]; executions: { id: number; node: string; state: string }[] }
const node = (r: RunJson, id: string) => r.nodes.find((n) => n.id === id)!;

function copyTaxi(): string {
  const dir = tempDir();
  cpSync(join(REPO_ROOT, 'examples', 'taxi'), dir, { recursive: true });
  rmSync(join(dir, 'runs'), { recursive: true, force: true });
  rmSync(join(dir, 'serving'), { recursive: true, force: true });
  return join(dir, 'pipeline.yaml');
}

async function servePredict(base: string, rows: Record<string, string>[]): Promise<unknown> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const { child, done } = startCli(['serve', base, '--model-name', 'taxi', '--port', String(port)]);
  try {
    for (let i = 0; i < 100; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/v1/models/taxi:predict`, { method: 'POST', body: JSON.stringify({ instances: rows }) });
        if (res.ok) return ((await res.json()) as { predictions: unknown }).predictions;
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('server did not answer');
  } finally {
    child.kill('SIGTERM');
    await done;
  }
}

test('taxi, all eight components: run, cached re-run, lineage, eval margin, predict = serve, worse model not pushed, reproduce identical', async () => {
  const file = copyTaxi();
  const dir = join(file, '..');
  const first = await cli(['run', file, '--json']);
  assert.equal(first.code, 0, first.stderr);
  const r1 = cliJson<RunJson>(first);
  assert.deepEqual(r1.nodes.map((n) => n.id), ['example_gen', 'statistics_gen', 'schema_gen', 'example_validator', 'transform', 'trainer',
    'latest_blessed_model', 'evaluator', 'pusher']);
  for (const n of r1.nodes) assert.equal(n.status, 'complete', n.id);

  const r2 = cliJson<RunJson>(await cli(['run', file, '--json']));
  for (const n of r2.nodes) assert.equal(n.status, 'cached', `${n.id} is cached on the second run`);

  const pushed = node(r1, 'pusher').outputs.pushed_model.artifactId;
  const lin = cliJson<Lineage>(await cli(['lineage', String(pushed), '-p', file, '--direction', 'up', '--format', 'json']));
  const types = new Set(lin.artifacts.map((a) => a.type));
  for (const t of ['Examples', 'Schema', 'TransformGraph', 'Model', 'ModelBlessing', 'PipelineConfiguration']) assert.ok(types.has(t), `lineage reaches ${t}`);

  const blessing = node(r1, 'evaluator').outputs.blessing.artifactId;
  const show = await cli(['eval', 'show', String(blessing), '-p', file]);
  assert.equal(show.code, 0, show.stderr);
  const margin = /majority-class baseline.*margin \+(\d\.\d+)/.exec(show.stdout);
  assert.ok(margin && Number(margin[1]) > 0.02, `the model beats the majority class by a clear margin:\n${show.stdout}`);
  assert.match(show.stdout, /verdict: BLESSED/);

  const model = node(r1, 'trainer').outputs.model.artifactId;
  const csv = readFileSync(join(dir, 'data', 'data.csv'), 'utf8').split('\n').slice(0, 6).join('\n');
  writeFileSync(join(dir, 'rows.csv'), `${csv}\n`);
  const predicted = cliJson<number[][]>(await cli(['predict', String(model), '--input', join(dir, 'rows.csv'), '-p', file, '--json']));
  const [header, ...lines] = csv.split('\n');
  const cols = header.split(',');
  const rows = lines.map((l) => Object.fromEntries(l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((v, i) => [cols[i], v.replace(/^"|"$/g, '').replace(/""/g, '"')]).filter(([, v]) => v !== '')));
  assert.deepEqual(await servePredict(join(dir, 'serving'), rows), predicted, 'serve answers raw rows with the same numbers as predict');

  // A newer model has been deployed since (version 2): reproducing run 1 must not push its model over it.
  const serving = join(dir, 'serving');
  cpSync(join(serving, '1'), join(serving, '2'), { recursive: true });
  writeFileSync(join(serving, '2', 'newer.txt'), 'deployed later\n');
  const rep = await cli(['reproduce', r1.runId, '-p', file, '--json']);
  assert.equal(rep.code, 0, rep.stderr);
  const rj = cliJson<{ identical: boolean; reproducedRunId: string; artifacts: { node: string; identical: boolean }[] }>(rep);
  assert.equal(rj.identical, true);
  assert.ok(rj.artifacts.some((a) => a.node === 'trainer'), 'the model is among the compared artifacts');
  assert.ok(rj.artifacts.some((a) => a.node === 'pusher' && a.identical), 'the push record is compared too');
  assert.deepEqual(readdirSync(serving).sort(), ['1', '2'], 'reproduce pushed nothing to the real destination');
  const repRun = cliJson<{ nodes: { id: string; outputs: Record<string, { artifactId: number }> }[] }>(await cli(['runs', 'show', rj.reproducedRunId, '-p', file, '--json']));
  const repPush = repRun.nodes.find((n) => n.id === 'pusher')!.outputs.pushed_model.artifactId;
  const repArt = cliJson<{ customProperties: Record<string, unknown> }>(await cli(['artifacts', 'show', String(repPush), '-p', file, '--json']));
  assert.ok(String(repArt.customProperties.pushed_destination).startsWith(join(dir, 'runs', '.reproduce')), String(repArt.customProperties.pushed_destination));
  rmSync(join(serving, '2'), { recursive: true });

  const worse = readFileSync(file, 'utf8').replace('hidden_units: [32, 16]', 'hidden_units: [2]\n        features: [trip_start_month_xf]').replace('epochs: 5', 'epochs: 1');
  writeFileSync(file, worse);
  const r3 = cliJson<RunJson>(await cli(['run', file, '--json']));
  assert.equal(node(r3, 'trainer').status, 'complete');
  const ev = await cli(['eval', 'show', String(node(r3, 'evaluator').outputs.blessing.artifactId), '-p', file, '--json']);
  assert.match(ev.stdout, /NOT_BLESSED/);
  const art = cliJson<{ customProperties: Record<string, unknown> }>(await cli(['artifacts', 'show', String(node(r3, 'pusher').outputs.pushed_model.artifactId), '-p', file, '--json']));
  assert.equal(art.customProperties.pushed, 0, 'a worse model is not pushed');
  assert.deepEqual(readdirSync(join(dir, 'serving')), ['1'], 'no new serving version');
});

test('editing the CSV re-runs ExampleGen and explain names the changed input; touching it does not', async () => {
  const file = copyTaxi();
  const dataCsv = join(file, '..', 'data', 'data.csv');
  const to = ['--to', 'statistics_gen'];
  cliJson<RunJson>(await cli(['run', file, '--json', ...to]));
  utimesSync(dataCsv, new Date(), new Date(Date.now() + 5000));
  const touched = cliJson<RunJson>(await cli(['run', file, '--json', ...to]));
  assert.equal(touched.nodes[0].status, 'cached', 'mtime alone does not invalidate');
  const lines = readFileSync(dataCsv, 'utf8').trimEnd().split('\n');
  appendFileSync(dataCsv, `${lines[lines.length - 1]}\n`);
  const edited = cliJson<RunJson>(await cli(['run', file, '--json', ...to]));
  assert.equal(edited.nodes[0].status, 'complete');
  const j = cliJson<{ changes: { kind: string; name: string }[] }>(await cli(['explain', edited.runId, 'example_gen', '-p', file, '--json']));
  assert.ok(j.changes.some((c) => c.kind === 'external' && c.name === 'input_base'), JSON.stringify(j.changes));
});

test('graph draws the taxi pipeline as SVG, DOT and Mermaid', async () => {
  const file = copyTaxi();
  const svg = await cli(['graph', file, '--format', 'svg']);
  assert.equal(svg.code, 0, svg.stderr);
  assert.match(svg.stdout, /^<svg[\s\S]*example_gen[\s\S]*pusher[\s\S]*<\/svg>\s*$/);
  assert.match((await cli(['graph', file, '--format', 'dot'])).stdout, /digraph/);
  assert.match((await cli(['graph', file, '--format', 'mermaid'])).stdout, /flowchart/);
});
