/**
 * StatisticsGen's executor contract: exclude_splits, output properties, stats_options_json knobs and their
 * validation, deterministic bytes, and bad inputs failing with a clear code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isPipelineError } from '../../../metadata/errors.js';
import { CSV_EXAMPLES, floats, ints, readStats, runStatisticsGen, writeExamples, bytes } from './ctx.js';

const code = (c: string, re?: RegExp) => (e: unknown): boolean => {
  assert.ok(isPipelineError(e), String(e));
  assert.equal(e.code, c, e.message);
  if (re) assert.match(e.message, re);
  return true;
};

test('exclude_splits skips splits (JSON string or array); split_names and span name what was written', async () => {
  const one = await runStatisticsGen({ uri: CSV_EXAMPLES, properties: { span: 7 } }, { exclude_splits: '["eval"]' });
  assert.deepEqual(readdirSync(one.uri), ['Split-train']);
  assert.deepEqual(one.result.statistics.properties, { split_names: '["train"]', span: 7 });
  const none = await runStatisticsGen({ uri: CSV_EXAMPLES }, { exclude_splits: ['train', 'eval'] });
  assert.deepEqual(readdirSync(none.uri), []);
  assert.equal(none.result.statistics.properties?.split_names, '[]');
  await assert.rejects(runStatisticsGen({ uri: CSV_EXAMPLES }, { exclude_splits: 'eval' }), code('BAD_PARAM', /exclude_splits/));
});

test('the same examples give byte-identical FeatureStats.pb', async () => {
  const a = await runStatisticsGen({ uri: CSV_EXAMPLES }, { exclude_splits: '["eval"]' });
  const b = await runStatisticsGen({ uri: CSV_EXAMPLES }, { exclude_splits: '["eval"]' });
  const file = (uri: string): Buffer => readFileSync(join(uri, 'Split-train', 'FeatureStats.pb'));
  assert.ok(file(a.uri).length > 10_000);
  assert.ok(file(a.uri).equals(file(b.uri)));
});

test('stats_options_json bucket counts and epsilon are applied (as a JSON string or an object)', async () => {
  const exs = Array.from({ length: 300 }, (_, i) => ({ n: floats(i % 17, i), s: bytes(`v${i % 7}`), k: ints(...Array(i % 5).fill(1)) }));
  const uri = await writeExamples({ train: exs });
  const options = {
    TYPE_NAME: 'StatsOptions', num_top_values: 2, num_rank_histogram_buckets: 3, num_histogram_buckets: 4,
    num_quantiles_histogram_buckets: 5, num_values_histogram_buckets: 6, epsilon: 0.2,
  };
  const quantiles = async (stats_options_json: unknown): Promise<unknown> => {
    const run = await runStatisticsGen({ uri, splitNames: ['train'] }, { stats_options_json });
    return readStats(run.uri).train.datasets![0].features![1].numStats!.histograms![1];
  };
  // epsilon 0.2 → a sketch of k = 13 instead of 269: coarser quantiles of the same 600 values
  assert.notDeepEqual(await quantiles(options), await quantiles({ ...options, epsilon: 0.01 }));
  for (const stats_options_json of [JSON.stringify(options), options]) {
    const run = await runStatisticsGen({ uri, splitNames: ['train'] }, { stats_options_json });
    const f = new Map(readStats(run.uri).train.datasets![0].features!.map((x) => [x.path!.step![0], x]));
    const n = f.get('n')!.numStats!;
    assert.deepEqual(n.histograms!.map((h) => h.buckets!.length), [4, 5]);
    assert.equal(n.commonStats!.numValuesHistogram!.buckets!.length, 6);
    assert.equal(f.get('s')!.stringStats!.topValues!.length, 2);
    assert.equal(f.get('s')!.stringStats!.rankHistogram!.buckets!.length, 3);
    assert.equal(f.get('s')!.stringStats!.unique, 7);
    assert.equal(f.get('k')!.numStats!.commonStats!.numValuesHistogram!.buckets!.length, 6);
  }
});

test('stats_options_json: unknown keys, wrong values and bad JSON fail with BAD_PARAM naming the problem', async () => {
  const run = (o: unknown): Promise<unknown> => runStatisticsGen({ uri: CSV_EXAMPLES }, { stats_options_json: o });
  await assert.rejects(run('{"num_top_values": 5, "sample_rate": 0.5}'), code('BAD_PARAM', /stats_options_json\.sample_rate: unknown option/));
  await assert.rejects(run({ num_histogram_buckets: 0 }), code('BAD_PARAM', /stats_options_json\.num_histogram_buckets: must be an integer ≥ 1/));
  await assert.rejects(run({ epsilon: 2 }), code('BAD_PARAM', /epsilon/));
  await assert.rejects(run('{"num_top_values": '), code('BAD_PARAM', /not valid JSON/));
  await assert.rejects(run('[1]'), code('BAD_PARAM', /JSON object/));
});

test('bad inputs: a missing split directory, a corrupt record, an artifact without split_names', async () => {
  const uri = await writeExamples({ train: [{ x: ints(1) }] });
  await assert.rejects(runStatisticsGen({ uri, splitNames: ['train', 'eval'] }), code('MISSING_FILE', /Split-eval/));
  await assert.rejects(runStatisticsGen({ uri, properties: { split_names: 'train' } }), code('MISSING_INPUT', /split_names/));
  const file = join(uri, 'Split-train', 'data_tfrecord-00000-of-00001.gz');
  const raw = gunzipSync(readFileSync(file));
  raw[raw.length - 6] ^= 0xff;
  writeFileSync(file, raw);
  await assert.rejects(runStatisticsGen({ uri, splitNames: ['train'] }), code('TFRECORD_CORRUPT', /data_tfrecord-00000-of-00001\.gz: byte offset 0/));
  assert.ok(existsSync(file));
});
