import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pusher } from '../../../components/pusher/index.js';
import type { ExecutorContext, ExecutorResult, InputArtifact, Properties } from '../../../orchestrator/component.js';
import { digestPath } from '../../../orchestrator/fingerprint.js';
import { tempDir } from '../../helpers.js';

type Coded = Error & { code?: string };
let nextId = 1;

function model(files: Record<string, string>): InputArtifact {
  const uri = tempDir('tfx-ts-push-model-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(uri, 'Format-Serving', rel, '..'), { recursive: true });
    writeFileSync(join(uri, 'Format-Serving', rel), text);
  }
  return { id: nextId++, type: 'Model', uri, digest: 'm', properties: {}, customProperties: {} };
}

function blessing(m: InputArtifact, blessed: boolean | null, extra: Properties = {}): InputArtifact {
  const uri = tempDir('tfx-ts-push-blessing-');
  if (blessed !== null) writeFileSync(join(uri, blessed ? 'BLESSED' : 'NOT_BLESSED'), '');
  return {
    id: nextId++, type: 'ModelBlessing', uri, digest: 'b', properties: {},
    customProperties: { ...(blessed !== null ? { blessed: blessed ? 1 : 0 } : {}), current_model_id: m.id, current_model: m.uri, ...extra },
  };
}

async function push(m: InputArtifact, b: InputArtifact, base: unknown): Promise<{ result: ExecutorResult; out: string }> {
  const out = join(tempDir('tfx-ts-push-out-'), 'pushed_model');
  const quiet = (): void => {};
  const ctx: ExecutorContext = {
    nodeId: 'Pusher', component: 'Pusher', inputs: { model: [m], model_blessing: [b] },
    outputs: { pushed_model: { type: 'PushedModel', uri: out } },
    params: { push_destination: typeof base === 'string' ? { filesystem: { base_directory: base } } : base },
    tmpDir: tempDir(), log: { info: quiet, warn: quiet, debug: quiet }, progress: quiet,
  };
  return { result: (await pusher.executor(ctx)) ?? {}, out };
}

const A = { 'model.json': '{"a":1}', 'weights.bin': 'AAAA', 'transform_graph/transform_fn/graph.json': '{}' };
const B = { ...A, 'weights.bin': 'BBBB' };

test('blessed models are pushed as versions 1, 2, … of the base directory, byte-identical to Format-Serving', async () => {
  const base = join(tempDir(), 'serving', 'taxi');
  const a = model(A);
  const first = await push(a, blessing(a, true), base);
  assert.deepEqual(first.result.pushed_model.customProperties, { pushed: 1, pushed_version: '1', pushed_destination: join(base, '1') });
  assert.deepEqual(readdirSync(base), ['1']);
  assert.equal(await digestPath(join(base, '1')), await digestPath(join(a.uri, 'Format-Serving')));
  const b = model(B);
  const second = await push(b, blessing(b, true), base);
  assert.equal(second.result.pushed_model.customProperties!.pushed_version, '2');
  assert.deepEqual(readdirSync(base).sort(), ['1', '2']);
  assert.equal(readFileSync(join(base, '2', 'weights.bin'), 'utf8'), 'BBBB');
});

test('a model identical to the newest version is not pushed again; push.json holds no version, so it is the same bytes', async () => {
  const base = join(tempDir(), 'serving');
  const a1 = model(A);
  const a2 = model(A); // another artifact, same bytes (e.g. a reproduced run)
  const p1 = await push(a1, blessing(a1, true), base);
  const p2 = await push(a2, blessing(a2, true), base);
  assert.deepEqual(p2.result.pushed_model.customProperties, { pushed: 1, pushed_version: '1', pushed_destination: join(base, '1') });
  assert.deepEqual(readdirSync(base), ['1']);
  assert.equal(readFileSync(join(p1.out, 'push.json'), 'utf8'), readFileSync(join(p2.out, 'push.json'), 'utf8'));
  const doc = JSON.parse(readFileSync(join(p1.out, 'push.json'), 'utf8')) as Record<string, unknown>;
  assert.deepEqual(Object.keys(doc).sort(), ['modelDigest', 'pushed']);
  // only the NEWEST version counts: after B, pushing A again is a new version (roll forward to A)
  const b = model(B);
  await push(b, blessing(b, true), base);
  const again = await push(a1, blessing(a1, true), base);
  assert.equal(again.result.pushed_model.customProperties!.pushed_version, '3');
});

test('versions are numeric directories: other entries are ignored and 10 follows 9', async () => {
  const base = tempDir();
  for (const d of ['9', 'latest', '.tmp-123-dead', '007x']) mkdirSync(join(base, d));
  writeFileSync(join(base, '12'), 'a file, not a version');
  const a = model(A);
  const r = await push(a, blessing(a, true), base);
  assert.equal(r.result.pushed_model.customProperties!.pushed_version, '10');
});

test('a model that is not blessed is not pushed: pushed=0, push.json says why, base directory untouched', async () => {
  const base = join(tempDir(), 'serving');
  const a = model(A);
  for (const [b, why] of [
    [blessing(a, false), /model not blessed \(blessed=0, NOT_BLESSED\)/],
    [blessing(a, null), /blessed=absent, no marker: the Evaluator validated nothing/],
    [blessing(a, true, { current_model_id: a.id + 1000 }), /the blessing is for model \d+, not for model \d+/],
  ] as const) {
    const r = await push(a, b, base);
    assert.deepEqual(r.result.pushed_model.customProperties, { pushed: 0 });
    const doc = JSON.parse(readFileSync(join(r.out, 'push.json'), 'utf8')) as { pushed: boolean; reason: string };
    assert.equal(doc.pushed, false);
    assert.match(doc.reason, why);
  }
  assert.deepEqual(readdirSync(join(base, '..')), []);
});

test('a push that fails midway leaves no version and no aside copy', async () => {
  const base = tempDir();
  const bad = model({ ...A, 'a-first.json': '{}' });
  execFileSync('mkfifo', [join(bad.uri, 'Format-Serving', 'z-pipe')]);
  await assert.rejects(push(bad, blessing(bad, true), base), (e: Coded) => e.code === 'EXECUTOR_FAILED' && /z-pipe: cannot push, not a regular file/.test(e.message));
  assert.deepEqual(readdirSync(base), []);
});

test('push_destination must name an absolute base directory', async () => {
  const a = model(A);
  await assert.rejects(push(a, blessing(a, true), 'serving/taxi'), (e: Coded) => e.code === 'BAD_PARAM' && /base_directory: 'serving\/taxi' must be an absolute path/.test(e.message));
  await assert.rejects(push(a, blessing(a, true), { kubernetes: {} }), (e: Coded) => e.code === 'BAD_PARAM' && /push_destination\.kubernetes: unsupported destination/.test(e.message));
  await assert.rejects(push(a, blessing(a, true), { filesystem: { base_dir: '/x' } }), (e: Coded) => e.code === 'BAD_PARAM' && /filesystem\.base_dir: unknown field/.test(e.message));
});
