/**
 * Two recorded runs of a 4-node pipeline (example_gen → statistics_gen → schema_gen → trainer, and
 * example_gen → trainer), shared by the CLI tests:
 * R1: every node complete. R2: example_gen cached from R1, statistics_gen re-ran (sample_rate 1 → 0.5),
 * schema_gen failed, trainer skipped.
 */
import { StoreFixture, parts, type FxNode } from './store-fixture.js';

export const R1 = '20260101-100000-aaaaaa';
export const R2 = '20260102-100000-bbbbbb';
export const T1 = Date.UTC(2026, 0, 1, 10, 0, 0);
export const T2 = Date.UTC(2026, 0, 2, 10, 0, 0);

export const NODES: FxNode[] = [
  { id: 'example_gen', component: 'CsvExampleGen', params: { input_base: 'data' } },
  { id: 'statistics_gen', component: 'StatisticsGen', inputs: { examples: ['example_gen'] }, params: { sample_rate: 1 } },
  { id: 'schema_gen', component: 'SchemaGen', inputs: { statistics: ['statistics_gen'] } },
  { id: 'trainer', component: 'Trainer', inputs: { examples: ['example_gen'], schema: ['schema_gen'] }, params: { batch_size: 32 } },
];

export interface TaxiScenario {
  fx: StoreFixture;
  config1: number; config2: number;
  examples: number; stats1: number; schema1: number; model1: number; stats2: number;
  exec: { gen1: number; stats1: number; schema1: number; trainer1: number; gen2: number; stats2: number; schema2: number };
}

export function taxiScenario(): TaxiScenario {
  const fx = new StoreFixture();
  const run1 = fx.beginRun(R1, NODES, { startMs: T1 });
  const examples = fx.artifact('Examples', { 'Split-train/data_tfrecord-00000-of-00001.gz': 'train', 'Split-eval/data_tfrecord-00000-of-00001.gz': 'eval!' },
    { properties: { split_names: '["train","eval"]', span: 0, version: 0 } });
  const genParts = parts('CsvExampleGen', { params: { input_base: 'data' }, external: { input_base: 'e'.repeat(64) } });
  const gen1 = fx.execution(run1, { node: 'example_gen', component: 'CsvExampleGen', state: 'COMPLETE', outputs: { examples }, parts: genParts, durationMs: 1200 });
  const stats1 = fx.artifact('ExampleStatistics', { 'Split-train/FeatureStats.pb': 'stats' });
  const statsParts = (rate: number) => parts('StatisticsGen', { params: { sample_rate: rate }, inputs: { examples: [fx.digest(examples)] } });
  const st1 = fx.execution(run1, { node: 'statistics_gen', component: 'StatisticsGen', state: 'COMPLETE', inputs: { examples: [examples] },
    outputs: { statistics: stats1 }, parts: statsParts(1), durationMs: 800 });
  const schema1 = fx.artifact('Schema', { 'schema.pbtxt': 'feature {}' });
  const sc1 = fx.execution(run1, { node: 'schema_gen', component: 'SchemaGen', state: 'COMPLETE', inputs: { statistics: [stats1] },
    outputs: { schema: schema1 }, parts: parts('SchemaGen', { inputs: { statistics: [fx.digest(stats1)] } }), durationMs: 300 });
  const model1 = fx.artifact('Model', { 'Format-Serving/model.json': '{}' });
  const tr1 = fx.execution(run1, { node: 'trainer', component: 'Trainer', state: 'COMPLETE', inputs: { examples: [examples], schema: [schema1] },
    outputs: { model: model1 }, durationMs: 5000,
    parts: parts('Trainer', { params: { batch_size: 32 }, inputs: { examples: [fx.digest(examples)], schema: [fx.digest(schema1)] } }) });
  fx.finishRun(run1, 'complete', T1 + 8000);

  const run2 = fx.beginRun(R2, NODES, { startMs: T2 });
  const gen2 = fx.execution(run2, { node: 'example_gen', component: 'CsvExampleGen', state: 'CACHED', outputs: { examples }, parts: genParts, cachedFrom: gen1 });
  const stats2 = fx.artifact('ExampleStatistics', { 'Split-train/FeatureStats.pb': 'stats, sampled' });
  const st2 = fx.execution(run2, { node: 'statistics_gen', component: 'StatisticsGen', state: 'COMPLETE', inputs: { examples: [examples] },
    outputs: { statistics: stats2 }, parts: statsParts(0.5), durationMs: 900,
    steps: { resolve_inputs: 10, cache_key: 40, cache_lookup: 2, start_execution: 3, execute: 800, digest_and_seal: 30, publish: 15 } });
  const sc2 = fx.execution(run2, { node: 'schema_gen', component: 'SchemaGen', state: 'FAILED', inputs: { statistics: [stats2] },
    parts: parts('SchemaGen', { inputs: { statistics: [fx.digest(stats2)] } }), durationMs: 100,
    steps: { resolve_inputs: 1, cache_key: 4, cache_lookup: 1, start_execution: 2, fail_and_clean_up: 92, record_failure: 3 },
    error: 'schema_gen: statistics have no features\n    at infer (schema.ts:1:1)' });
  fx.finishRun(run2, 'failed', T2 + 2000);
  return {
    fx, config1: run1.configId, config2: run2.configId, examples, stats1, schema1, model1, stats2,
    exec: { gen1, stats1: st1, schema1: sc1, trainer1: tr1, gen2, stats2: st2, schema2: sc2 },
  };
}
