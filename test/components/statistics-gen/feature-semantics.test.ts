/**
 * Per-feature semantics on hand-made examples, through the executor and the FeatureStats.pb it writes:
 * presence (empty Feature{} vs absent), valency histograms as TFDV builds them, NaN and infinities,
 * string ordering, invalid UTF-8, 64-bit ints, a type conflict inside a split, schema bytes features.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPipelineError } from '../../../metadata/errors.js';
import type { ExampleFeatures } from '../../../proto/example-codec.js';
import type { FeatureStatsObject } from '../../../proto/tfmd/index.js';
import { tempDir } from '../../helpers.js';
import { bytes, floats, ints, none, readStats, runStatisticsGen, writeExamples } from './ctx.js';

async function statsOf(examples: ExampleFeatures[], params: Record<string, unknown> = {}): Promise<Map<string, FeatureStatsObject>> {
  const uri = await writeExamples({ train: examples });
  const run = await runStatisticsGen({ uri, splitNames: ['train'] }, params);
  const [ds] = readStats(run.uri).train.datasets!;
  assert.equal(ds.numExamples, examples.length);
  return new Map(ds.features!.map((f) => [f.path!.step!.join('.'), f]));
}

test('an empty Feature{} is present with 0 values; a feature absent from an example is missing', async () => {
  const s = await statsOf([{ a: ints(5, 7), c: none() }, { a: none(), b: floats(1) }, {}]);
  assert.deepEqual(s.get('a')!.numStats!.commonStats, {
    numNonMissing: 2, numMissing: 1, maxNumValues: 2, avgNumValues: 1, totNumValues: 2,
    // valencies {0, 2}: TFDV's 10 quantile points are 0,0,0,0,0,2,…,2 with cumulative counts 1,…,1,2,…,2;
    // the weight at the minimum spreads over the 4 leading [0,0] buckets, the rest over the 6 ending at 2.
    numValuesHistogram: {
      buckets: [
        ...Array(4).fill({ sampleCount: 0.25 }),
        { highValue: 2, sampleCount: 1 / 6 },
        ...Array(5).fill({ lowValue: 2, highValue: 2, sampleCount: 1 / 6 }),
      ],
      type: 'QUANTILES',
    },
  });
  assert.equal(s.get('b')!.numStats!.commonStats!.numMissing, 2);
  assert.equal(s.get('b')!.type, 'FLOAT');
  // never had a value: type unknown to TFDV, reported STRING with counts only
  const c = s.get('c')!;
  assert.equal(c.type, 'STRING');
  assert.deepEqual(Object.keys(c.stringStats!), ['commonStats']);
  assert.equal(c.stringStats!.commonStats!.numNonMissing, 1);
  assert.equal(c.stringStats!.commonStats!.maxNumValues, undefined);
});

test('NaN values are counted apart (num_nan on both histograms); a feature of only NaNs gets only those', async () => {
  const s = await statsOf([{ f: floats(NaN, 1, 2), g: floats(NaN) }, { f: floats(NaN, 3) }]);
  const f = s.get('f')!.numStats!;
  assert.equal(f.commonStats!.totNumValues, 5);
  assert.equal(f.mean, 2);
  assert.equal(f.min, 1);
  assert.equal(f.max, 3);
  assert.equal(f.median, 2);
  assert.deepEqual(f.histograms!.map((h) => [h.numNan, h.type]), [[2, undefined], [2, 'QUANTILES']]);
  assert.deepEqual(s.get('g')!.numStats!.histograms, [{ numNan: 1 }, { numNan: 1, type: 'QUANTILES' }]);
  assert.equal(s.get('g')!.numStats!.mean, undefined);
});

test('infinities: min/max are ±inf, the standard histogram spans the finite range with ±inf point buckets', async () => {
  const s = await statsOf([{ h: floats(-Infinity, 0, 4, Infinity) }, { h: floats(2) }]);
  const h = s.get('h')!.numStats!;
  assert.equal(h.min, -Infinity);
  assert.equal(h.max, Infinity);
  assert.ok(Number.isNaN(h.mean), 'mean of +inf and -inf is NaN, as numpy gives');
  assert.equal(h.stdDev, undefined);
  assert.equal(h.numZeros, 1);
  const b = h.histograms![0].buckets!;
  assert.equal(b.length, 12);
  assert.deepEqual(b[0], { lowValue: -Infinity, highValue: -Infinity, sampleCount: 1 });
  assert.deepEqual(b[11], { lowValue: Infinity, highValue: Infinity, sampleCount: 1 });
  assert.deepEqual([b[1].lowValue, b[10].highValue], [undefined, 4]);
  assert.ok(Math.abs(b.reduce((a, x) => a + (x.sampleCount ?? 0), 0) - 5) < 1e-9);
});

test('string values: ranked by count then bytes (both descending); invalid UTF-8 counted and labelled as TFDV does', async () => {
  const bad = { kind: 'bytes' as const, value: [Uint8Array.of(0xff, 0xfe), Uint8Array.of(0x61)] };
  const s = await statsOf([{ s: bytes('a', 'b', 'é') }, { s: bytes('b', 'c') }, { s: bytes('a') }, { s: bad }]);
  const st = s.get('s')!.stringStats!;
  assert.equal(st.unique, 5);
  assert.deepEqual(st.topValues, [
    { value: 'a', frequency: 3 }, { value: 'b', frequency: 2 },
    // ties by bytes, descending: ff fe (not UTF-8) > c3 a9 ('é') > 63 ('c')
    { value: '__BYTES_VALUE__', frequency: 1 }, { value: 'é', frequency: 1 }, { value: 'c', frequency: 1 },
  ]);
  assert.deepEqual(st.rankHistogram!.buckets!.map((b) => [b.lowRank ?? 0, b.highRank ?? 0, b.label]), [
    [0, 0, 'a'], [1, 1, 'b'], [2, 2, '__BYTES_VALUE__'], [3, 3, 'é'], [4, 4, 'c'],
  ]);
  assert.equal(st.invalidUtf8Count, 1);
  assert.equal(st.avgLength, Math.fround((1 + 1 + 2 + 1 + 1 + 1 + 2 + 1) / 8));
  assert.equal(s.get('s')!.type, 'STRING');
});

test('frequency_threshold and the top-value / rank-histogram sizes come from stats_options_json', async () => {
  const exs = [{ s: bytes('x', 'x', 'y', 'y', 'z') }, { s: bytes('w', 'x') }];
  const s = await statsOf(exs, { stats_options_json: '{"frequency_threshold": 2, "num_top_values": 1}' });
  const st = s.get('s')!.stringStats!;
  assert.equal(st.unique, 4);
  assert.deepEqual(st.topValues, [{ value: 'x', frequency: 3 }]);
  assert.deepEqual(st.rankHistogram!.buckets!.map((b) => b.label), ['x', 'y']);
});

test('64-bit integers beyond 2^53 are described as doubles, as TFDV does', async () => {
  const s = await statsOf([{ i: ints(2n ** 62n) }, { i: ints(-(2n ** 63n)) }, { i: ints(0) }]);
  const i = s.get('i')!.numStats!;
  assert.equal(s.get('i')!.type, undefined, 'INT is the proto3 default');
  assert.equal(i.max, 2 ** 62);
  assert.equal(i.min, -(2 ** 63));
  assert.equal(i.median ?? 0, 0, 'median 0 is the proto3 default, so absent');
  assert.equal(i.numZeros, 1);
});

test('a feature with int64 values in one example and floats in another fails with TYPE_MISMATCH at that record', async () => {
  await assert.rejects(statsOf([{ f: ints(1) }, { f: ints() }, { f: floats(1) }]), (e) => {
    assert.ok(isPipelineError(e) && e.code === 'TYPE_MISMATCH');
    assert.match(e.message, /data_tfrecord-00000-of-00001\.gz: byte offset \d+: feature "f" has float values here but int64/);
    return true;
  });
});

test('with a schema, image_domain features are BYTES with bytes_stats (no value counts); others unchanged', async () => {
  const schemaUri = tempDir('tfx-ts-sg-schema-');
  writeFileSync(join(schemaUri, 'schema.pbtxt'), 'feature {\n  name: "img"\n  type: BYTES\n  image_domain {\n  }\n}\n');
  const uri = await writeExamples({ train: [{ img: bytes('abc', 'de'), s: bytes('q') }, { img: bytes('fghij') }] });
  const run = await runStatisticsGen({ uri, splitNames: ['train'], schemaUri });
  const f = new Map(readStats(run.uri).train.datasets![0].features!.map((x) => [x.path!.step![0], x]));
  const img = f.get('img')!;
  assert.equal(img.type, 'BYTES');
  assert.equal(img.stringStats, undefined);
  assert.deepEqual({ ...img.bytesStats, commonStats: undefined }, {
    commonStats: undefined, avgNumBytes: Math.fround(10 / 3), minNumBytes: 2, maxNumBytes: 5, maxNumBytesInt: 5,
  });
  assert.equal(img.bytesStats!.commonStats!.totNumValues, 3);
  assert.equal(f.get('s')!.stringStats!.unique, 1);
  await assert.rejects(runStatisticsGen({ uri, splitNames: ['train'], schemaUri: tempDir() }), (e) => isPipelineError(e) && e.code === 'MISSING_FILE');
});

test('with a schema, categorical INT features (int_domain.is_categorical, bool_domain) keep type INT with string_stats of their decimal values', async () => {
  const schemaUri = tempDir('tfx-ts-sg-schema-');
  writeFileSync(join(schemaUri, 'schema.pbtxt'), [
    'feature {\n  name: "zip"\n  type: INT\n  int_domain {\n    is_categorical: true\n  }\n}',
    'feature {\n  name: "flag"\n  type: INT\n  bool_domain {\n  }\n}',
    'feature {\n  name: "n"\n  type: INT\n  int_domain {\n    min: 0\n  }\n}',
    'feature {\n  name: "cat_text"\n  type: BYTES\n  int_domain {\n    is_categorical: true\n  }\n}',
  ].join('\n') + '\n');
  const zips = [60601, 60601, 60601, -7, 1234567, 60601, -7];
  const examples: ExampleFeatures[] = zips.map((z, i) => ({ zip: ints(z), flag: ints(i % 3 === 0 ? 1 : 0), n: ints(i), cat_text: bytes('x') }));
  examples.push({ zip: ints(2n ** 62n), flag: none(), n: ints(0), cat_text: bytes('y') });
  const uri = await writeExamples({ train: examples });
  const run = await runStatisticsGen({ uri, splitNames: ['train'], schemaUri });
  const f = new Map(readStats(run.uri).train.datasets![0].features!.map((x) => [x.path!.step![0], x]));
  const zip = f.get('zip')!;
  assert.equal(zip.type, undefined, 'type INT (the proto3 default)');
  assert.equal(zip.numStats, undefined);
  const labels = [...zips.map(String), String(2n ** 62n)];
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1));
  assert.equal(zip.stringStats!.unique, counts.size);
  assert.deepEqual(zip.stringStats!.topValues, ranked.map(([value, frequency]) => ({ value, frequency })));
  assert.equal(zip.stringStats!.avgLength, Math.fround(labels.reduce((s, l) => s + l.length, 0) / labels.length));
  assert.equal(zip.stringStats!.commonStats!.numNonMissing, examples.length);
  const flag = f.get('flag')!;
  assert.deepEqual(flag.stringStats!.topValues, [{ value: '0', frequency: 4 }, { value: '1', frequency: 3 }]);
  assert.equal(flag.stringStats!.commonStats!.numNonMissing, 8, 'an empty Feature{} is present');
  assert.ok(f.get('n')!.numStats, 'an INT feature that is not categorical keeps num_stats');
  assert.equal(f.get('cat_text')!.type, 'STRING', 'the data decides the type: bytes values are STRING whatever the schema claims');
});
