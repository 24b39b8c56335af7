import type { Properties } from '../../orchestrator/component.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { anomaliesShowCommand, type AnomaliesShowJSON } from '../../cli/commands/anomalies.js';
import { encodeAnomalies, type AnomaliesObject } from '../../proto/tfmd/index.js';
import { StoreFixture, runCommand } from './store-fixture.js';

const fx = new StoreFixture();
const store = fx.path;
type Coded = Error & { code?: string };

const EVAL: AnomaliesObject = {
  anomalyInfo: {
    company: {
      description: 'Examples contain values missing from the schema: Acme Cabs (~2%).', severity: 'ERROR',
      shortDescription: 'Unexpected string values', reason: [{ type: 'ENUM_TYPE_UNEXPECTED_STRING_VALUES', shortDescription: 'Unexpected string values' }],
    },
    tips: {
      description: 'The feature was present in fewer examples than expected.', severity: 'WARNING',
      shortDescription: 'Column dropped', reason: [{ type: 'FEATURE_TYPE_LOW_FRACTION_PRESENT' }, { type: 'FEATURE_TYPE_LOW_NUMBER_PRESENT' }],
    },
  },
};

function anomaliesArtifact(bySplit: Record<string, AnomaliesObject>, customProperties: Properties = {}): number {
  const uri = join(fx.dir, 'anomalies', String(Object.keys(bySplit).join('-')) + Object.keys(customProperties).length);
  for (const [split, a] of Object.entries(bySplit)) {
    mkdirSync(join(uri, `Split-${split}`), { recursive: true });
    writeFileSync(join(uri, `Split-${split}`, 'SchemaDiff.pb'), encodeAnomalies(a));
  }
  return fx.artifact('ExampleAnomalies', {}, { uri, properties: { split_names: JSON.stringify(Object.keys(bySplit)) }, customProperties });
}

const both = anomaliesArtifact({ train: {}, eval: EVAL }, { blessed: { train: 1, eval: 0 } });
const derived = anomaliesArtifact({ eval: EVAL, test: { dataMissing: true } });
const stats = fx.artifact('ExampleStatistics', { 'Split-train/FeatureStats.pb': '' });

test('anomalies show gives each split\'s verdict, then every anomaly with its type, severity and description', async () => {
  const { code, out } = await runCommand(anomaliesShowCommand, { store, id: both });
  assert.equal(code, 0);
  const lines = out.split('\n');
  assert.equal(lines[0], 'train: blessed — no anomalies');
  assert.equal(lines[1], 'eval: NOT blessed — 2 anomalies (1 error)');
  const company = lines.find((l) => l.startsWith('eval') && l.includes('company'))!;
  assert.match(company, /ERROR +ENUM_TYPE_UNEXPECTED_STRING_VALUES +Unexpected string values +Examples contain values missing from the schema: Acme Cabs \(~2%\)\./);
  const tips = lines.find((l) => l.includes('tips'))!;
  assert.match(tips, /WARNING +FEATURE_TYPE_LOW_FRACTION_PRESENT\+FEATURE_TYPE_LOW_NUMBER_PRESENT/);
  assert.match(out, /No anomalies in split train\./);
});

test('anomalies show --split train says there are no anomalies', async () => {
  const { out } = await runCommand(anomaliesShowCommand, { store, id: both, split: 'train' });
  assert.match(out, /^train: blessed — no anomalies\n\nNo anomalies in split train\.$/);
});

test('anomalies show --json lists the anomalies and verdict per split', async () => {
  const doc = JSON.parse((await runCommand(anomaliesShowCommand, { store, id: both, json: true })).out) as AnomaliesShowJSON;
  assert.equal(doc.artifactId, both);
  assert.deepEqual(doc.splits.map((s) => [s.split, s.blessed, s.verdictFrom, s.anomalies.length]), [['train', true, 'property', 0], ['eval', false, 'property', 2]]);
  assert.deepEqual(doc.splits[1].anomalies[1], {
    feature: 'tips', severity: 'WARNING', types: ['FEATURE_TYPE_LOW_FRACTION_PRESENT', 'FEATURE_TYPE_LOW_NUMBER_PRESENT'],
    shortDescription: 'Column dropped', description: 'The feature was present in fewer examples than expected.',
  });
});

test('without a blessed property the verdict follows the anomalies', async () => {
  const doc = JSON.parse((await runCommand(anomaliesShowCommand, { store, id: derived, json: true })).out) as AnomaliesShowJSON;
  assert.deepEqual(doc.splits.map((s) => [s.split, s.blessed, s.verdictFrom, s.dataMissing]), [['eval', false, 'anomalies', false], ['test', true, 'anomalies', true]]);
  const { out } = await runCommand(anomaliesShowCommand, { store, id: derived });
  assert.match(out, /^eval: NOT blessed — 2 anomalies \(1 error\)\ntest: blessed — no anomalies, data missing\n/);
});

test('another artifact type is USAGE; an unknown split NOT_FOUND naming the splits', async () => {
  await assert.rejects(runCommand(anomaliesShowCommand, { store, id: stats }), (e: Coded) => e.code === 'USAGE' && /is ExampleStatistics, not ExampleAnomalies/.test(e.message));
  await assert.rejects(runCommand(anomaliesShowCommand, { store, id: both, split: 'serving' }),
    (e: Coded) => e.code === 'NOT_FOUND' && e.message.includes("no split 'serving' (splits: train, eval)"));
});
