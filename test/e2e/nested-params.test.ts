/**
 * `tfx-ts run` on a pipeline file with a mistake inside a structured param: exit 2, one
 * `error: <file>:<line>:<col>: ...` line per problem at the offending key or value, nothing run, no store.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../cli-helper.js';
import { positionOf, writeNestedPipeline, type NodeName } from '../orchestrator/nested-params-kit.js';

/** Runs the file and checks the error lines: exactly `expected` (position, message pattern), in that order. */
async function assertDefinitionErrors(params: Partial<Record<NodeName, string>>, expected: (text: string) => [string, RegExp][]): Promise<void> {
  const { dir, file, text } = writeNestedPipeline(params);
  const r = await cli(['run', file]);
  assert.equal(r.code, 2, r.stderr);
  const lines = r.stderr.trim().split('\n');
  const want = expected(text);
  assert.equal(lines.length, want.length, r.stderr);
  want.forEach(([pos, message], i) => {
    assert.ok(lines[i].startsWith(`error: ${file}:${pos}: `), `${lines[i]}\nexpected at ${pos}`);
    assert.match(lines[i], message);
  });
  assert.equal(r.stdout, '');
  assert.equal(existsSync(join(dir, 'root')), false, 'nothing ran, no metadata store created');
}

test('output_config: a misspelt hash_buckets is exit 2 at that key, with a did-you-mean', async () => {
  await assertDefinitionErrors({ gen: 'output_config: { split_config: { splits: [{ name: train, hash_bucket: 2 }, { name: eval, hash_buckets: 1 }] } }' },
    (t) => [[positionOf(t, 'hash_bucket:'), /param output_config\.split_config\.splits\[0\]\.hash_bucket: unknown field \(did you mean "hash_buckets"\?\)$/]]);
});

test('input_config: a misspelt pattern is exit 2 at that key, with a did-you-mean', async () => {
  await assertDefinitionErrors({ gen: 'input_config:\n  splits:\n    - name: all\n      patern: "*"' },
    (t) => [[positionOf(t, 'patern'), /param input_config\.splits\[0\]\.patern: unknown field \(did you mean "pattern"\?\)$/]]);
});

test('Trainer model: a misspelt key and, in another param, a bad value are one line each', async () => {
  await assertDefinitionErrors({ trainer: 'model:\n  type: dnn_classifier\n  label_key: label\n  hiden_units: [8]\ntrain_args: { splits: [train], num_steps: 0 }' },
    (t) => [
      [positionOf(t, 'hiden_units'), /param model\.hiden_units: unknown key \(did you mean "hidden_units"\?\)$/],
      [positionOf(t, 'num_steps: 0', 11), /param train_args\.num_steps: must be a positive integer, got 0$/],
    ]);
});

test('eval_config: a misspelt threshold and an unknown metric class are one line each', async () => {
  await assertDefinitionErrors({
    evaluator: 'eval_config:\n  metrics_specs:\n    - metrics:\n        - { class_name: AUC, treshold: { value_threshold: { lower_bound: 0.5 } } }\n'
      + '        - { class_name: Accuracy }',
  }, (t) => [
    [positionOf(t, 'treshold'), /param eval_config\.metrics_specs\[0\]\.metrics\[0\]\.treshold: unknown field \(did you mean "threshold"\?\)$/],
    [positionOf(t, 'Accuracy'), /param eval_config\.metrics_specs\[0\]\.metrics\[1\]\.class_name: unknown metric class 'Accuracy'/],
  ]);
});
