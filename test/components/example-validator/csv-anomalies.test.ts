/**
 * Corrupted CSV input, run through CsvExampleGen and StatisticsGen, against a hand-written schema:
 * a column of strings in a numeric feature, a new column, a string value and a number outside their
 * domains — each reported with its TFDV anomaly type on the corrupted split only; also against the
 * schema SchemaGen infers from the clean split.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { schemaGen } from '../../../components/schema-gen/index.js';
import { tempDir } from '../../helpers.js';
import { artifact, csvStatistics, reasonsOf, runValidator, schemaArtifact } from './ctx.js';

const SCHEMA = `
feature { name: "age" type: INT presence { min_fraction: 1.0 min_count: 1 } shape { dim { size: 1 } } }
feature { name: "city" type: BYTES domain: "city" presence { min_fraction: 1.0 min_count: 1 } shape { dim { size: 1 } } }
feature { name: "score" type: FLOAT float_domain { min: 0 max: 100 } presence { min_fraction: 1.0 min_count: 1 } shape { dim { size: 1 } } }
string_domain { name: "city" value: "Lima" value: "Oslo" value: "Paris" }
`;
const CITIES = ['Paris', 'Oslo', 'Lima'];

function rows(n: number, row: (i: number) => string[], header = 'age,city,score'): string {
  const lines = [header];
  for (let i = 0; i < n; i++) lines.push(row(i).join(','));
  return `${lines.join('\n')}\n`;
}

const clean = rows(30, (i) => [String(20 + i), CITIES[i % 3], (i * 3.25).toFixed(2)]);

test('clean data against its schema: no anomalies', async () => {
  const run = await runValidator(await csvStatistics({ train: clean }), schemaArtifact(SCHEMA));
  assert.deepEqual(reasonsOf(run.anomalies.train), {});
  assert.equal(run.anomalies.train.datasetAnomalyInfo, undefined);
  assert.deepEqual(run.result.anomalies.customProperties?.blessed, { train: 1 });
});

function corrupted(): string {
  return rows(20, (i) => [
    i === 7 ? 'unknown' : String(30 + i),
    i === 3 ? 'Rome' : CITIES[i % 3],
    i === 5 ? '150.5' : String(i),
    `note ${i}`,
  ], 'age,city,score,comment');
}

test('strings in a numeric column, a new column, values outside the domains: each with its anomaly type', async () => {
  const run = await runValidator(await csvStatistics({ train: clean, eval: corrupted() }), schemaArtifact(SCHEMA));
  assert.deepEqual(reasonsOf(run.anomalies.train), {});
  assert.deepEqual(reasonsOf(run.anomalies.eval), {
    age: ['UNEXPECTED_DATA_TYPE'],
    city: ['ENUM_TYPE_UNEXPECTED_STRING_VALUES'],
    comment: ['SCHEMA_NEW_COLUMN'],
    score: ['FLOAT_TYPE_BIG_FLOAT'],
  });
  const info = run.anomalies.eval.anomalyInfo!;
  assert.equal(info.age.description, 'Expected data of type: INT but got STRING');
  assert.equal(info.city.description, 'Examples contain values missing from the schema: Rome (~5%). ');
  assert.equal(info.score.description, 'Unexpectedly high value: 150.5>100(upto six significant digits)');
  assert.equal(info.comment.description, 'New column (column in data but not in schema)');
  assert.deepEqual(Object.keys(info), ['age', 'city', 'comment', 'score'], 'keyed by feature path, in path order');
  assert.deepEqual(run.result.anomalies.customProperties?.blessed, { train: 1, eval: 0 });
  assert.equal(run.result.anomalies.customProperties?.anomalies_found, 4);
});

test('against the schema SchemaGen infers from the clean split: type, domain and new-column anomalies', async () => {
  const stats = await csvStatistics({ train: clean, eval: corrupted() });
  const uri = join(tempDir('tfx-ts-ev-sg-'), 'schema');
  mkdirSync(uri);
  const quiet = (): void => {};
  await schemaGen.executor({
    nodeId: 'SchemaGen', component: 'SchemaGen', inputs: { statistics: [stats] }, outputs: { schema: { type: 'Schema', uri } },
    params: { infer_feature_shape: true, exclude_splits: '["eval"]' }, tmpDir: tempDir(), log: { info: quiet, warn: quiet, debug: quiet }, progress: quiet,
  });
  const run = await runValidator(stats, artifact('Schema', uri));
  assert.deepEqual(reasonsOf(run.anomalies.train), {});
  assert.deepEqual(reasonsOf(run.anomalies.eval), {
    age: ['UNEXPECTED_DATA_TYPE'], city: ['ENUM_TYPE_UNEXPECTED_STRING_VALUES'], comment: ['SCHEMA_NEW_COLUMN'],
  });
});
