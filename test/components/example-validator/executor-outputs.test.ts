/**
 * ExampleValidator's executor: what it writes (Split-<name>/SchemaDiff.pb decoding as TFMD Anomalies
 * with the schema as baseline, report.txt), the properties it sets (split_names, span, blessed,
 * anomalies_found, fail_on_anomalies), exclude_splits, previous statistics without the split,
 * determinism, and bad inputs failing with their error codes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleValidator, REPORT_FILE } from '../../../components/example-validator/index.js';
import { decodeAnomalies, encodeStatisticsList, parseSchemaText } from '../../../proto/tfmd/index.js';
import { artifact, dataset, numeric, runValidator, schemaArtifact, statsArtifact, strings } from './ctx.js';

const SCHEMA = 'feature { name: "x" type: INT int_domain { min: 0 max: 10 } presence { min_count: 1 } }\n';
const good = dataset(5, numeric('x', 'INT', 5, 0, 0, 9));
const bad = dataset(5, numeric('x', 'INT', 5, 0, 0, 99), strings('y', { a: 5 }));

test('the spec: TFX names, optional previous statistics resolved by the orchestrator, Process execution', () => {
  assert.equal(exampleValidator.name, 'ExampleValidator');
  assert.equal(exampleValidator.executionBaseType, 'Process');
  assert.deepEqual(exampleValidator.inputs.previous_statistics.resolve, { previousOf: 'statistics' });
  assert.equal(exampleValidator.inputs.previous_statistics.optional, true);
  assert.equal(exampleValidator.outputs.anomalies.type, 'ExampleAnomalies');
  assert.equal(exampleValidator.params.fail_on_anomalies.default, false);
});

test('one SchemaDiff.pb per split with the schema as baseline; split_names, span, blessed and counts set', async () => {
  const stats = statsArtifact({ train: good, eval: bad });
  stats.properties.span = 7;
  const run = await runValidator(stats, schemaArtifact(SCHEMA));
  assert.deepEqual(readdirSync(run.uri).sort(), ['Split-eval', 'Split-train', REPORT_FILE]);
  const evalDiff = decodeAnomalies(readFileSync(join(run.uri, 'Split-eval', 'SchemaDiff.pb')));
  assert.deepEqual(evalDiff.baseline, parseSchemaText(SCHEMA));
  assert.deepEqual(Object.keys(evalDiff.anomalyInfo ?? {}), ['x', 'y']);
  assert.equal(evalDiff.anomalyInfo!.x.reason![0].type, 'INT_TYPE_BIG_INT');
  assert.equal(decodeAnomalies(readFileSync(join(run.uri, 'Split-train', 'SchemaDiff.pb'))).anomalyInfo, undefined);
  assert.deepEqual(run.result.anomalies.properties, { split_names: '["train","eval"]', span: 7 });
  assert.deepEqual(run.result.anomalies.customProperties, { blessed: { train: 1, eval: 0 }, anomalies_found: 2, fail_on_anomalies: 0 });
  assert.equal(readFileSync(join(run.uri, REPORT_FILE), 'utf8'),
    'eval: feature "x" (ERROR, INT_TYPE_BIG_INT): Unexpectedly large value: 99.\n'
    + 'eval: feature "y" (ERROR, SCHEMA_NEW_COLUMN): New column (column in data but not in schema)\n');
});

test('fail_on_anomalies still writes everything and returns; it only marks the output', async () => {
  const run = await runValidator(statsArtifact({ train: bad }), schemaArtifact(SCHEMA), { fail_on_anomalies: true });
  assert.deepEqual(run.result.anomalies.customProperties, { blessed: { train: 0 }, anomalies_found: 2, fail_on_anomalies: 1 });
  assert.ok(existsSync(join(run.uri, 'Split-train', 'SchemaDiff.pb')));
  const clean = await runValidator(statsArtifact({ train: good }), schemaArtifact(SCHEMA), { fail_on_anomalies: true });
  assert.equal(clean.result.anomalies.customProperties?.anomalies_found, 0);
  assert.equal(readFileSync(join(clean.uri, REPORT_FILE), 'utf8'), 'no anomalies in split train\n');
});

test('exclude_splits skips splits; a split without examples is data_missing and (as in TFX) blessed', async () => {
  const run = await runValidator(statsArtifact({ train: good, eval: bad, test: dataset(0) }), schemaArtifact(SCHEMA), { exclude_splits: '["eval"]' });
  assert.deepEqual(readdirSync(run.uri).sort(), ['Split-test', 'Split-train', REPORT_FILE]);
  assert.equal(run.result.anomalies.properties?.split_names, '["train","test"]');
  assert.equal(run.anomalies.test.dataMissing, true);
  assert.deepEqual(run.result.anomalies.customProperties?.blessed, { train: 1, test: 1 });
  assert.equal(readFileSync(join(run.uri, REPORT_FILE), 'utf8'), 'test: no examples (data missing)\n');
});

test('previous statistics without the split: no drift measured for it', async () => {
  const drifting = 'feature { name: "y" type: BYTES drift_comparator { infinity_norm { threshold: 0.1 } } }';
  const now = statsArtifact({ train: dataset(5, strings('y', { a: 5 })), eval: dataset(5, strings('y', { b: 5 })) });
  const before = statsArtifact({ train: dataset(5, strings('y', { b: 5 })) });
  const run = await runValidator(now, schemaArtifact(drifting), {}, before);
  assert.equal(run.anomalies.train.anomalyInfo?.y.reason?.[0].type, 'COMPARATOR_L_INFTY_HIGH');
  assert.equal(run.anomalies.train.driftSkewInfo?.[0].driftMeasurements?.[0].value, 1);
  assert.equal(run.anomalies.eval.anomalyInfo, undefined);
  assert.equal(run.anomalies.eval.driftSkewInfo, undefined);
});

test('same inputs → same bytes', async () => {
  const stats = statsArtifact({ train: good, eval: bad });
  const schema = schemaArtifact(SCHEMA);
  const a = await runValidator(stats, schema);
  const b = await runValidator(stats, schema);
  for (const f of ['Split-train/SchemaDiff.pb', 'Split-eval/SchemaDiff.pb', REPORT_FILE]) {
    assert.deepEqual(readFileSync(join(a.uri, f)), readFileSync(join(b.uri, f)), f);
  }
});

test('a statistics list with several datasets is validated through its "All Examples" slice', async () => {
  const stats = statsArtifact({ train: good });
  const file = join(stats.uri, 'Split-train', 'FeatureStats.pb');
  writeFileSync(file, encodeStatisticsList({ datasets: [{ ...bad, name: 'slice_a' }, { ...good, name: 'All Examples' }] }));
  assert.equal((await runValidator(stats, schemaArtifact(SCHEMA))).anomalies.train.anomalyInfo, undefined);
  writeFileSync(file, encodeStatisticsList({ datasets: [{ ...bad, name: 'slice_a' }, { ...good, name: 'slice_b' }] }));
  await assert.rejects(runValidator(stats, schemaArtifact(SCHEMA)), { code: 'PROTO_DECODE' });
});

test('bad inputs fail with their codes', async () => {
  const stats = statsArtifact({ train: good });
  const noSchema = schemaArtifact(SCHEMA);
  writeFileSync(join(noSchema.uri, 'schema.pbtxt'), 'feature { name: "x" type: NOT_A_TYPE }');
  await assert.rejects(runValidator(stats, noSchema), { code: 'TEXT_PROTO' });
  await assert.rejects(runValidator(stats, artifact('Schema', stats.uri)), { code: 'MISSING_FILE' });
  await assert.rejects(runValidator(artifact('ExampleStatistics', stats.uri), schemaArtifact(SCHEMA)), { code: 'MISSING_INPUT' });
  await assert.rejects(runValidator(stats, schemaArtifact(SCHEMA), { exclude_splits: 'eval' }), { code: 'BAD_PARAM' });
  const missing = artifact('ExampleStatistics', stats.uri, ['train', 'eval']);
  await assert.rejects(runValidator(missing, schemaArtifact(SCHEMA)), { code: 'MISSING_FILE', message: /Split-eval.*"eval" not found/ });
  writeFileSync(join(stats.uri, 'Split-train', 'FeatureStats.pb'), Buffer.from([0x0a, 0xff, 0xff]));
  await assert.rejects(runValidator(stats, schemaArtifact(SCHEMA)), { code: 'PROTO_DECODE', message: /FeatureStats\.pb/ });
});
