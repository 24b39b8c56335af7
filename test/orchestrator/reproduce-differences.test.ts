/**
 * reproduce when something has changed: an executor that is not deterministic (exit 1, the differing file named),
 * and an external input edited since the run (exit 3 naming node and input_base; --from-recorded-inputs reuses
 * the recorded ExampleGen outputs and reproduces the rest identically).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, tempDir } from '../helpers.js';
import { cli, cliJson } from '../cli-helper.js';
import { openSqliteStore } from '../../metadata/sqlite/sqlite-store.js';

const componentUrl = pathToFileURL(join(REPO_ROOT, 'dist', 'orchestrator', 'component.js')).href;

interface Repro {
  runId: string; reproducedRunId: string; identical: boolean;
  artifacts: { node: string; output: string; originalDigest: string; newDigest: string; identical: boolean; differences?: string[] }[];
}

test('reproduce of a run whose executor is not deterministic: exit 1, that artifact not identical, the differing file named', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'dice.mjs'), `import { defineComponent } from '${componentUrl}';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
export default defineComponent({ name: 'Dice', version: '1', inputs: {}, outputs: { out: { type: 'Examples' } }, params: {},
  async executor(ctx) {
    await writeFile(join(ctx.outputs.out.uri, 'stable.txt'), 'always the same');
    await writeFile(join(ctx.outputs.out.uri, 'roll.txt'), String(Math.random()));
  } });
`);
  writeFileSync(join(dir, 'steady.mjs'), `import { defineComponent } from '${componentUrl}';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
export default defineComponent({ name: 'Steady', version: '1', inputs: {}, outputs: { out: { type: 'Examples' } }, params: {},
  async executor(ctx) { await writeFile(join(ctx.outputs.out.uri, 'same.txt'), 'same'); } });
`);
  const file = join(dir, 'p.yaml');
  writeFileSync(file, 'pipeline_name: dice\npipeline_root: ./root\ncomponents:\n  dice: { type: ./dice.mjs }\n  steady: { type: ./steady.mjs }\n');
  const run = await cli(['run', file, '--json']);
  assert.equal(run.code, 0, run.stderr);
  const { runId } = cliJson<{ runId: string }>(run);

  const res = await cli(['reproduce', runId, '--store', join(dir, 'root', 'metadata.sqlite'), '--json']);
  assert.equal(res.code, 1, res.stderr);
  const r = cliJson<Repro>(res);
  assert.equal(r.identical, false);
  assert.equal(r.runId, runId);
  const dice = r.artifacts.find((a) => a.node === 'dice' && a.output === 'out');
  const steady = r.artifacts.find((a) => a.node === 'steady' && a.output === 'out');
  assert.ok(dice && steady, JSON.stringify(r.artifacts));
  assert.equal(dice.identical, false);
  assert.notEqual(dice.newDigest, dice.originalDigest);
  assert.ok(dice.differences && dice.differences.length === 1, JSON.stringify(dice.differences));
  assert.match(dice.differences[0], /^roll\.txt: content differs/);
  assert.equal(steady.identical, true, 'the deterministic node reproduces');
  assert.equal(steady.differences, undefined);
});

function csvPipeline(dir: string): string {
  mkdirSync(join(dir, 'data'));
  const rows = Array.from({ length: 12 }, (_, i) => `${i},${(i * 1.5).toFixed(1)},${['a', 'b', 'c'][i % 3]}`);
  writeFileSync(join(dir, 'data', 'data.csv'), `id,fare,kind\n${rows.join('\n')}\n`);
  const file = join(dir, 'p.yaml');
  writeFileSync(file, `pipeline_name: csvrep
pipeline_root: ./root
components:
  example_gen:
    type: CsvExampleGen
    params: { input_base: ./data }
  statistics_gen:
    type: StatisticsGen
    inputs: { examples: example_gen.examples }
`);
  return file;
}

test('reproduce after the CSV under input_base changed: exit 3 naming the node and input_base; --from-recorded-inputs reproduces identically', async () => {
  const dir = tempDir();
  const file = csvPipeline(dir);
  const store = join(dir, 'root', 'metadata.sqlite');
  const run = await cli(['run', file, '--json']);
  assert.equal(run.code, 0, run.stderr);
  const { runId } = cliJson<{ runId: string }>(run);

  writeFileSync(join(dir, 'data', 'data.csv'), 'id,fare,kind\n1,2.5,z\n2,3.5,y\n');
  const changed = await cli(['reproduce', runId, '--store', store, '--json']);
  assert.equal(changed.code, 3, changed.stderr);
  const lines = changed.stderr.trim().split('\n');
  assert.equal(lines.length, 1, changed.stderr);
  assert.ok(lines[0].startsWith(`error: example_gen: external input input_base (${join(dir, 'data')}) changed since run ${runId}`), lines[0]);
  assert.match(lines[0], /pass --from-recorded-inputs/);
  const s = openSqliteStore(store);
  try {
    assert.equal(s.listContexts('pipeline_run').length, 1, 'no reproduction run was started');
  } finally {
    s.close();
  }

  const reused = await cli(['reproduce', runId, '--store', store, '--from-recorded-inputs', '--json']);
  assert.equal(reused.code, 0, reused.stderr);
  const r = cliJson<Repro>(reused);
  assert.equal(r.identical, true);
  assert.deepEqual(r.artifacts.map((a) => `${a.node}.${a.output}:${a.identical}`).sort(),
    ['example_gen.examples:true', 'statistics_gen.statistics:true']);
});
