/**
 * The inside of structured params (input/output_config, splits_config, model, train_args, eval_config,
 * push_destination, stats_options_json, exclude_splits, example_splits) is checked during validation by the
 * executors' own parsers: each problem is BAD_PARAM at the key or value where it is, with a did-you-mean.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { standardRegistry } from '../../components/index.js';
import { defineComponent, type Component } from '../../orchestrator/component.js';
import { parsePipelineFile } from '../../orchestrator/pipeline-file.js';
import { pipeline } from '../../orchestrator/pipeline-builder.js';
import { PipelineProblemsError, type Problem } from '../../orchestrator/problems.js';
import { REPO_ROOT } from '../helpers.js';
import { positionOf, writeNestedPipeline, type NodeName } from './nested-params-kit.js';

async function problemsOf(file: string, registry: ReadonlyMap<string, Component> = standardRegistry): Promise<readonly Problem[]> {
  try {
    await parsePipelineFile(file, registry);
  } catch (e) {
    assert.ok(e instanceof PipelineProblemsError, String(e));
    return e.problems;
  }
  return [];
}

test('valid nested params pass: the taxi example and the kit pipeline', async () => {
  await parsePipelineFile(join(REPO_ROOT, 'examples', 'taxi', 'pipeline.yaml'), standardRegistry);
  const { file } = writeNestedPipeline({
    gen: 'output_config: { splitConfig: { splits: [{ name: a, hashBuckets: 3 }, { name: b, hash_buckets: "1" }] } }',
    stats: 'stats_options_json: \'{"num_top_values": 5, "TYPE_NAME": "StatsOptions"}\'\nexclude_splits: \'["b"]\'',
    transform: 'splits_config: { analyze: [a], transform: [a, b] }',
    trainer: 'model: { type: dnn_regressor, label_key: label, hidden_units: [4], features: [x, { name: y, encoding: one_hot }] }\ntrain_args: { splits: [a], num_steps: 5 }',
    evaluator: 'eval_config: { metricsSpecs: [{ metrics: [{ className: AUC, threshold: { valueThreshold: { lowerBound: { value: 0.5 } } } }] }] }',
  });
  assert.deepEqual(await problemsOf(file), []);
});

// [node, params, needle locating the problem, column shift from the needle, message]
const cases: [NodeName, string, string, number, RegExp][] = [
  ['gen', 'output_config: { split_config: { splits: [{ name: train, hash_bucket: 2 }, { name: eval, hash_buckets: 1 }] } }', 'hash_bucket:', 0,
    /param output_config\.split_config\.splits\[0\]\.hash_bucket: unknown field \(did you mean "hash_buckets"\?\)$/],
  ['gen', 'input_config: { splits: [{ name: all, patern: "*" }] }', 'patern', 0, /param input_config\.splits\[0\]\.patern: unknown field \(did you mean "pattern"\?\)$/],
  ['gen', 'output_config: { splitConfig: { splits: [{ name: a, hashBuckets: 0 }] } }', 'hashBuckets: 0', 13,
    /param output_config\.splitConfig\.splits\[0\]\.hashBuckets: split "a" needs hash_buckets, a positive integer$/],
  ['stats', 'stats_options_json: { num_top_value: 5 }', 'num_top_value', 0, /stats_options_json\.num_top_value: unknown option \(did you mean "num_top_values"\?\)$/],
  ['stats', 'stats_options_json: \'{"num_top_values": -1}\'', 'stats_options_json', 0, /stats_options_json\.num_top_values: must be an integer ≥ 0, got -1$/],
  ['stats', 'exclude_splits: eval', 'eval', 0, /param exclude_splits: must be a JSON list of split names/],
  ['transform', 'splits_config: { analyse: [train] }', 'analyse', 0, /splits_config\.analyse: unknown key \(did you mean "analyze"\?\)$/],
  ['trainer', 'model: { type: dnn_classifier, label_key: label, hiden_units: [8] }', 'hiden_units', 0, /param model\.hiden_units: unknown key \(did you mean "hidden_units"\?\)$/],
  ['trainer', 'model:\n  type: dnn_classifier\n  label_key: label\n  epochs: 0', 'epochs: 0', 8, /param model\.epochs: must be an integer ≥ 1, got 0$/],
  ['trainer', 'model: { type: dnn_classifier, label_key: label }\ntrain_args: { num_step: 10 }', 'num_step', 0, /param train_args\.num_step: unknown key \(did you mean "num_steps"\?\)$/],
  ['evaluator', 'eval_config: { metrics_specs: [{ metrics: [{ class_name: AUC, treshold: { value_threshold: { lower_bound: 0.5 } } }] }] }', 'treshold', 0,
    /param eval_config\.metrics_specs\[0\]\.metrics\[0\]\.treshold: unknown field \(did you mean "threshold"\?\)$/],
  ['evaluator', 'eval_config: { metricsSpecs: [{ metrics: [{ className: AUCC }] }] }', 'AUCC', 0, /param eval_config\.metricsSpecs\[0\]\.metrics\[0\]\.className: unknown metric class 'AUCC'/],
  ['evaluator', 'example_splits: []', '[]', 0, /param example_splits: must be a non-empty JSON list/],
  ['pusher', 'push_destination: { filesystem: { base_dir: ./serving } }', 'base_dir', 0,
    /param push_destination\.filesystem\.base_dir: unknown field \(expected one of: base_directory\)$/],
];

for (const [node, params, needle, shift, message] of cases) {
  test(`${node} ${params.split(':')[0]}: a bad nested value is one BAD_PARAM at its place (${needle})`, async () => {
    const { file, text } = writeNestedPipeline({ [node]: params });
    const problems = await problemsOf(file);
    assert.equal(problems.length, 1, problems.map((p) => p.message).join('\n'));
    assert.equal(problems[0].code, 'BAD_PARAM');
    assert.ok(problems[0].message.startsWith(`${file}:${positionOf(text, needle, shift)}: `), problems[0].message);
    assert.match(problems[0].message, message);
  });
}

test('every bad split and every unknown field is its own problem, in file order', async () => {
  const { file, text } = writeNestedPipeline({
    gen: 'input_config: { splits: [{ name: all, patern: "*" }] }\noutput_config:\n  split_config:\n    splits:\n'
      + '      - { name: train, hash_bucket: 2, nme: x }\n      - { name: eval, hash_buckets: 0 }',
  });
  const problems = await problemsOf(file);
  assert.deepEqual(problems.map((p) => p.message.slice(file.length + 1).split(': ')[0]),
    [positionOf(text, 'patern'), positionOf(text, 'hash_bucket:'), positionOf(text, 'nme'), positionOf(text, 'hash_buckets: 0', 14)]);
  assert.ok(problems.every((p) => p.code === 'BAD_PARAM'));
});

const tuner = defineComponent({
  name: 'Tuner', version: '1', inputs: {}, outputs: { best_hyperparameters: { type: 'HyperParameters' } }, params: {},
  executor: async () => {},
});

test('with hyperparameters wired, tunable values are left to run time but unknown keys are still problems', async () => {
  const registry = new Map([...standardRegistry, ['Tuner', tuner]]);
  const withTuner = (model: string): string => writeNestedPipeline({ trainer: model }, '  tuner:\n    type: Tuner', (t) => t.replace(
    'transform_graph: transform.transform_graph, schema: schema.schema }',
    'transform_graph: transform.transform_graph, schema: schema.schema, hyperparameters: tuner.best_hyperparameters }',
  )).file;
  assert.deepEqual(await problemsOf(withTuner('model: { type: dnn_classifier, label_key: label, epochs: 0 }'), registry), []);
  const problems = await problemsOf(withTuner('model: { type: dnn_classifier, label_key: label, epoch: 3 }'), registry);
  assert.deepEqual(problems.map((p) => p.code), ['BAD_PARAM']);
  assert.match(problems[0].message, /param model\.epoch: unknown key \(did you mean "epochs"\?\)$/);
});

test('the TypeScript builder runs the same checks: problems name the node', async () => {
  const { dir } = writeNestedPipeline();
  const err = await pipeline({ name: 'b', root: './root', baseDir: dir, registry: standardRegistry })
    .add('gen', 'CsvExampleGen', { params: { input_base: './data', output_config: { split_config: { splits: [{ name: 'a', hash_bucket: 1 }] } } } })
    .add('stats', 'StatisticsGen', { inputs: { examples: 'gen.examples' }, params: { stats_options_json: { num_top_value: 5 } } })
    .build()
    .then(() => undefined, (e: unknown) => e);
  assert.ok(err instanceof PipelineProblemsError, String(err));
  assert.equal(err.code, 'BAD_PARAM');
  assert.deepEqual(err.problems.map((p) => p.message), [
    'node gen: param output_config.split_config.splits[0].hash_bucket: unknown field (did you mean "hash_buckets"?)',
    'node stats: param stats_options_json.num_top_value: unknown option (did you mean "num_top_values"?)',
  ]);
});
