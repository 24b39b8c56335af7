/**
 * Skew and drift on TFX's penguin data (examples/penguin/data): the "skewed" CSV differs from the
 * labelled one in one culmen_length_mm value (0.269… → -1). With the user-provided penguin schema plus
 * Jensen-Shannon skew / drift comparators (threshold 0.01) on every feature, ExampleValidator run on
 * CsvExampleGen + StatisticsGen output flags culmen_length_mm and nothing else; labelled data against
 * itself is clean.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSchemaText, type SchemaObject } from '../../../proto/tfmd/index.js';
import { TFX_FIXTURES } from '../../helpers.js';
import { csvStatistics, reasonsOf, runValidator, schemaArtifact } from './ctx.js';

const PENGUIN = join(TFX_FIXTURES, 'examples', 'penguin');
const LABELLED = readFileSync(join(PENGUIN, 'data', 'labelled', 'penguins_processed.csv'), 'utf8');
const SKEWED = readFileSync(join(PENGUIN, 'data', 'skewed', 'penguins_processed.csv'), 'utf8');
const THRESHOLD = 0.01;

function penguinSchema(): SchemaObject {
  const schema = parseSchemaText(readFileSync(join(PENGUIN, 'schema', 'user_provided', 'schema.pbtxt'), 'utf8'));
  for (const f of schema.feature ?? []) {
    f.skewComparator = { jensenShannonDivergence: { threshold: THRESHOLD } };
    f.driftComparator = { jensenShannonDivergence: { threshold: THRESHOLD } };
  }
  return schema;
}

const FEATURES = ['body_mass_g', 'culmen_depth_mm', 'culmen_length_mm', 'flipper_length_mm', 'species'];

test('skewed penguins in the eval split are flagged against train on culmen_length_mm only', async () => {
  const stats = await csvStatistics({ train: LABELLED, eval: SKEWED });
  const run = await runValidator(stats, schemaArtifact(penguinSchema()));
  assert.deepEqual(reasonsOf(run.anomalies.train), {});
  assert.deepEqual(reasonsOf(run.anomalies.eval), { culmen_length_mm: ['COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH'] });
  const info = run.anomalies.eval.anomalyInfo!.culmen_length_mm;
  assert.equal(info.shortDescription, 'High approximate Jensen-Shannon divergence between training and serving');
  const skew = Object.fromEntries((run.anomalies.eval.driftSkewInfo ?? []).map((d) => [d.path!.step!.join('.'), d.skewMeasurements![0]]));
  assert.deepEqual(Object.keys(skew).sort(), FEATURES);
  for (const name of FEATURES) {
    assert.equal(skew[name].type, 'JENSEN_SHANNON_DIVERGENCE');
    assert.equal(skew[name].threshold, THRESHOLD);
    if (name === 'culmen_length_mm') assert.ok(skew[name].value! > THRESHOLD, `${skew[name].value}`);
    else assert.equal(skew[name].value, 0, name);
  }
  assert.equal(run.anomalies.train.driftSkewInfo, undefined, 'train is the reference: no skew on it');
  assert.deepEqual(run.result.anomalies.customProperties?.blessed, { train: 1, eval: 0 });
  assert.equal(run.result.anomalies.customProperties?.anomalies_found, 1);
});

test('labelled penguins against themselves: no skew, no anomalies, every split blessed', async () => {
  const stats = await csvStatistics({ train: LABELLED, eval: LABELLED });
  const run = await runValidator(stats, schemaArtifact(penguinSchema()));
  assert.deepEqual(reasonsOf(run.anomalies.eval), {});
  assert.ok(run.anomalies.eval.driftSkewInfo!.every((d) => d.skewMeasurements![0].value === 0));
  assert.deepEqual(run.result.anomalies.customProperties?.blessed, { train: 1, eval: 1 });
  assert.equal(run.result.anomalies.customProperties?.anomalies_found, 0);
});

test('drift: the same split of the previous statistics is the control data', async () => {
  const before = await csvStatistics({ train: LABELLED });
  const now = await csvStatistics({ train: SKEWED });
  const run = await runValidator(now, schemaArtifact(penguinSchema()), {}, before);
  const info = run.anomalies.train.anomalyInfo!.culmen_length_mm;
  assert.deepEqual(info.reason?.map((r) => r.type), ['COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH']);
  assert.match(info.description!, /^The approximate Jensen-Shannon divergence between current and previous is [0-9.e-]+ \(up to six significant digits\), above the threshold 0\.01\.$/);
  assert.deepEqual(Object.keys(reasonsOf(run.anomalies.train)), ['culmen_length_mm']);
  const same = await runValidator(before, schemaArtifact(penguinSchema()), {}, before);
  assert.deepEqual(reasonsOf(same.anomalies.train), {});
  assert.ok(same.anomalies.train.driftSkewInfo!.every((d) => d.driftMeasurements![0].value === 0));
});
