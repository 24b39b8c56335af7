import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, tempDir } from '../helpers.js';
import { cli, cliJson } from '../cli-helper.js';
import { freshStore } from '../metadata/store-kit.js';
import { ensureStandardTypes } from '../../metadata/standard-types.js';
import type { ArtifactRecord } from '../../metadata/store.js';
import { latestBlessedModelResolver } from '../../components/resolvers/latest-blessed-model.js';

const componentUrl = pathToFileURL(join(REPO_ROOT, 'dist', 'orchestrator', 'component.js')).href;
interface RunJson { runId: string; status: string; nodes: { id: string; status: string; outputs: Record<string, { uri: string; artifactId: number }> }[] }

test('LatestBlessedModelResolver yields nothing before a blessing, then the newest blessed model; reproduce reuses its recorded choice', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'train.mjs'), `import { defineComponent } from '${componentUrl}';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
export default defineComponent({ name: 'FakeTrainer', version: '1', inputs: {}, outputs: { model: { type: 'Model' } },
  params: { w: { type: 'string', required: true } },
  async executor(ctx) { await writeFile(join(ctx.outputs.model.uri, 'w.txt'), ctx.params.w); } });
`);
  writeFileSync(join(dir, 'judge.mjs'), `import { defineComponent } from '${componentUrl}';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
export default defineComponent({ name: 'FakeEvaluator', version: '1',
  inputs: { model: { type: 'Model' }, baseline_model: { type: 'Model', optional: true } },
  outputs: { blessing: { type: 'ModelBlessing' } }, params: { bless: { type: 'boolean', default: true } },
  async executor(ctx) {
    const base = ctx.inputs.baseline_model?.[0];
    const seen = base ? await readFile(join(base.uri, 'w.txt'), 'utf8') : 'none';
    await writeFile(join(ctx.outputs.blessing.uri, 'baseline.txt'), seen);
    return { blessing: { customProperties: { blessed: ctx.params.bless ? 1 : 0, current_model_id: ctx.inputs.model[0].id } } };
  } });
`);
  const file = join(dir, 'p.yaml');
  const write = (w: string, bless = true) => writeFileSync(file, `pipeline_name: res\npipeline_root: ./root\ncomponents:
  trainer: { type: ./train.mjs, params: { w: ${w} } }
  latest_blessed: { type: LatestBlessedModelResolver, inputs: { candidate: trainer.model } }
  evaluator:
    type: ./judge.mjs
    params: { bless: ${bless} }
    inputs: { model: trainer.model, baseline_model: latest_blessed.model }
`);
  const baseline = (r: RunJson) => readFileSync(join(r.nodes.find((n) => n.id === 'evaluator')!.outputs.blessing.uri, 'baseline.txt'), 'utf8');

  write('one', false);
  const r1 = cliJson<RunJson>(await cli(['run', file, '--json']));
  assert.equal(r1.status, 'complete');
  assert.equal(baseline(r1), 'none', 'no blessed model yet: no baseline');
  write('two');
  const r2 = cliJson<RunJson>(await cli(['run', file, '--json']));
  assert.equal(baseline(r2), 'none', 'model one was not blessed');
  write('three');
  const r3 = cliJson<RunJson>(await cli(['run', file, '--json']));
  assert.equal(baseline(r3), 'two', 'the newest blessed model is the baseline');
  assert.equal(r3.nodes.find((n) => n.id === 'latest_blessed')!.status, 'complete', 'a new choice: complete');
  const r4 = cliJson<RunJson>(await cli(['run', file, '--json']));
  assert.deepEqual(r4.nodes.map((n) => n.status), ['cached', 'cached', 'cached'], 'same choice again: reported cached');
  const r5 = cliJson<RunJson>(await cli(['run', file, '--json', '--no-cache']));
  assert.deepEqual(r5.nodes.map((n) => n.status), ['complete', 'complete', 'complete'], '--no-cache: nothing is reported cached, the resolver included');

  const rep = await cli(['reproduce', r2.runId, '--store', join(dir, 'root', 'metadata.sqlite'), '--json']);
  assert.equal(rep.code, 0, rep.stderr);
  assert.equal(cliJson<{ identical: boolean }>(rep).identical, true, 'the recorded (empty) resolution is reused, not today\'s');
});

/** A store with one pipeline's models and blessings, written directly; resolve() asks it for the baseline. */
function blessingStore() {
  const { store } = freshStore();
  ensureStandardTypes(store);
  const pipelineContextId = store.putContext('pipeline', 'res');
  const otherPipeline = store.putContext('pipeline', 'other');
  const put = (type: string, customProperties: Record<string, number | string>, context = pipelineContextId): ArtifactRecord => {
    const id = store.createArtifact({ type, uri: `/models/${type}-${customProperties.digest ?? customProperties.current_model_id}`, state: 'LIVE', customProperties });
    store.attribute(context, id);
    return store.getArtifact(id)!;
  };
  let n = 0;
  const model = (context = pipelineContextId): ArtifactRecord => put('Model', { digest: `sha-${++n}` }, context);
  const bless = (m: ArtifactRecord, blessed: 0 | 1, context = pipelineContextId): void => { put('ModelBlessing', { blessed, current_model_id: m.id }, context); };
  const baseline = (candidate: ArtifactRecord): ArtifactRecord[] =>
    latestBlessedModelResolver.resolve({ store, pipelineName: 'res', nodeId: 'latest_blessed', params: {}, pipelineContextId, inputs: { candidate: [candidate] } }).model;
  return { model, bless, baseline, otherPipeline };
}

test('LatestBlessedModelResolver: of two blessed models, neither the candidate, it picks the newer one (whatever order the blessings came in)', () => {
  const { model, bless, baseline } = blessingStore();
  const older = model();
  const newer = model();
  bless(newer, 1);
  bless(older, 1); // the newest blessing names the older model: the newest *model* still wins
  const candidate = model();
  assert.deepEqual(baseline(candidate).map((m) => m.id), [newer.id]);
  bless(candidate, 1);
  assert.deepEqual(baseline(candidate).map((m) => m.id), [newer.id], 'the candidate is never its own baseline, blessed or not');
});

test('LatestBlessedModelResolver: when the newest model was not blessed, it picks the older blessed one', () => {
  const { model, bless, baseline, otherPipeline } = blessingStore();
  const blessedOlder = model();
  const rejectedNewer = model();
  bless(blessedOlder, 1);
  bless(rejectedNewer, 0);
  const unjudged = model(); // never evaluated: no blessing at all
  const elsewhere = model(otherPipeline);
  bless(elsewhere, 1, otherPipeline); // another pipeline's blessed model is not a candidate baseline
  const candidate = model();
  assert.deepEqual(baseline(candidate).map((m) => m.id), [blessedOlder.id]);
  assert.ok(unjudged.id > blessedOlder.id && rejectedNewer.id > blessedOlder.id);
});

test('LatestBlessedModelResolver: with no blessed model other than the candidate it yields nothing', () => {
  const { model, bless, baseline } = blessingStore();
  const a = model();
  bless(a, 0);
  const candidate = model();
  bless(candidate, 1);
  assert.deepEqual(baseline(candidate), []);
});
