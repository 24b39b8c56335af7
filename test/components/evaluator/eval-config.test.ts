import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEvalConfig } from '../../../components/evaluator/eval-config.js';

type Coded = Error & { code?: string };
const badParam = (re: RegExp) => (e: Coded) => e.code === 'BAD_PARAM' && re.test(e.message);

test('TFMA snake_case and proto-JSON camelCase configs parse to the same thresholds', () => {
  const snake = parseEvalConfig({
    model_specs: [{ label_key: 'big_tipper', signature_name: 'serving_default' }],
    slicing_specs: [{}, { feature_keys: ['trip_start_hour'] }],
    metrics_specs: [{ metrics: [
      { class_name: 'ExampleCount' },
      { class_name: 'BinaryAccuracy', threshold: { value_threshold: { lower_bound: { value: 0.6 } }, change_threshold: { direction: 'HIGHER_IS_BETTER', absolute: { value: -1e-10 } } } },
    ] }],
  });
  const camel = parseEvalConfig({
    modelSpecs: [{ labelKey: 'big_tipper' }],
    slicingSpecs: [{}, { featureKeys: ['trip_start_hour'] }],
    metricsSpecs: [{ metrics: [
      { className: 'ExampleCount' },
      { className: 'BinaryAccuracy', threshold: { valueThreshold: { lowerBound: 0.6 }, changeThreshold: { direction: 2, absolute: -1e-10 } } },
    ] }],
  });
  assert.equal(snake.labelKey, 'big_tipper');
  assert.deepEqual(snake.metrics, ['example_count', 'binary_accuracy']);
  assert.deepEqual(snake.thresholds.map(({ path: _, ...t }) => t), [{ metric: 'binary_accuracy', value: { lowerBound: 0.6 }, change: { direction: 'HIGHER_IS_BETTER', absolute: -1e-10 } }]);
  assert.deepEqual(camel.thresholds.map(({ path: _, ...t }) => t), snake.thresholds.map(({ path: _, ...t }) => t));
  assert.deepEqual(camel.slicingSpecs, snake.slicingSpecs);
});

test('the thresholds map of a metrics spec and per_slice_thresholds are read', () => {
  const cfg = parseEvalConfig({ metrics_specs: [{
    thresholds: { auc: { value_threshold: { lower_bound: 0.7 } } },
    per_slice_thresholds: { binary_accuracy: { thresholds: [{ slicing_specs: [{}], threshold: { value_threshold: { upper_bound: 1 } } }] } },
  }] });
  assert.deepEqual(cfg.thresholds.map((t) => [t.metric, t.slicingSpec ? 'sliced' : 'all', t.path]), [
    ['auc', 'all', 'eval_config.metrics_specs[0].thresholds.auc'],
    ['binary_accuracy', 'sliced', 'eval_config.metrics_specs[0].per_slice_thresholds.binary_accuracy.thresholds[0].threshold'],
  ]);
});

test('no config: overall slice, no metrics named, no thresholds', () => {
  assert.deepEqual(parseEvalConfig(undefined), { slicingSpecs: [{ featureKeys: [], featureValues: {} }], metrics: [], thresholds: [] });
});

test('bad configs are BAD_PARAM naming the field', () => {
  assert.throws(() => parseEvalConfig({ metrics_specs: [{ metrics: [{ class_name: 'Accuracy' }] }] }),
    badParam(/^param eval_config\.metrics_specs\[0\]\.metrics\[0\]\.class_name: unknown metric class 'Accuracy' \(known: ExampleCount, BinaryAccuracy/));
  assert.throws(() => parseEvalConfig({ metrics_specs: [{ metrics: [{ class_name: 'AUC', treshold: {} }] }] }),
    badParam(/metrics\[0\]\.treshold: unknown field/));
  assert.throws(() => parseEvalConfig({ metrics_specs: [{ metrics: [{ class_name: 'AUC', threshold: { change_threshold: { absolute: 0 } } }] }] }),
    badParam(/change_threshold\.direction: expected HIGHER_IS_BETTER or LOWER_IS_BETTER, got undefined/));
  assert.throws(() => parseEvalConfig({ metrics_specs: [{ metrics: [{ class_name: 'AUC', threshold: { value_threshold: { lower_bound: 'high' } } }] }] }),
    badParam(/value_threshold\.lower_bound: expected a number/));
  assert.throws(() => parseEvalConfig({ metrics_specs: [{ metrics: [{ class_name: 'AUC', threshold: { value_threshold: { lower_bound: 0.9, upper_bound: 0.1 } } }] }] }),
    badParam(/no value can pass/));
  assert.throws(() => parseEvalConfig({ metrics_specs: [{ metrics: [{ class_name: 'AUC', threshold: {} }] }] }),
    badParam(/threshold: needs value_threshold or change_threshold/));
  assert.throws(() => parseEvalConfig({ slicing_specs: [{ feature_keys: ['x'], buckets: 1 }] }), badParam(/slicing_specs\[0\]\.buckets: expected an integer from 2/));
  assert.throws(() => parseEvalConfig({ slicing_specs: [{ feature_keys: 'company' }] }), badParam(/feature_keys: expected a list/));
  assert.throws(() => parseEvalConfig({ cross_slicing_specs: [] }), badParam(/eval_config\.cross_slicing_specs: unknown field/));
  assert.throws(() => parseEvalConfig({ model_specs: [{ label_key: 'a', labelKey: 'b' }] }), badParam(/given twice/));
  assert.throws(() => parseEvalConfig([1]), badParam(/eval_config: expected an object/));
});
