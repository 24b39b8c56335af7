/**
 * TFX's own ExampleValidator executor test (components/example_validator/executor_test.py testDo): the
 * taxi statistics of components/testdata/statistics_gen against components/testdata/schema_gen, with
 * split_names [train, eval, test], span 11 and exclude_splits ["test"] → no anomalies in train or eval,
 * both blessed, split_names [train, eval], span 11, no Split-test written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TFX_FIXTURES } from '../../helpers.js';
import { artifact, runValidator } from './ctx.js';

const TESTDATA = join(TFX_FIXTURES, 'components', 'testdata');

test('TFX testDo: taxi statistics against the taxi schema have no anomalies', async () => {
  const stats = artifact('ExampleStatistics', join(TESTDATA, 'statistics_gen'), ['train', 'eval', 'test'], 11);
  const run = await runValidator(stats, artifact('Schema', join(TESTDATA, 'schema_gen')), { exclude_splits: '["test"]' });
  assert.deepEqual(run.result.anomalies.properties, { split_names: '["train","eval"]', span: 11 });
  for (const split of ['train', 'eval']) {
    assert.equal(run.anomalies[split].anomalyInfo, undefined, `${split}: ${JSON.stringify(run.anomalies[split].anomalyInfo)}`);
    assert.equal(run.anomalies[split].datasetAnomalyInfo, undefined);
  }
  assert.deepEqual(run.result.anomalies.customProperties?.blessed, { train: 1, eval: 1 });
  assert.equal(existsSync(join(run.uri, 'Split-test')), false);
});
