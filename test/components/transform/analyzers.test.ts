/**
 * Every analyzer against values computed here by straightforward loops over the same (float32) data: mean, var,
 * min, max, sum, size exactly; quantiles exactly (sorted[⌊i·n/k⌋], and the rank property of a quantile); mappers
 * (z-score, 0–1, min–max, bucketize) per example, on the analyze split and on the eval split (train statistics).
 * Missing values are ignored by analyzers; multi-valued x is scaled value by value.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tempDir } from '../../helpers.js';
import { column, MIXED_SCHEMA, mixedRows } from './data.js';
import { i64, readSplit, runTransform, vals, writeExamples, writeModule, writeSchema } from './harness.js';

const MODULE = `
export function preprocessing_fn(inputs, tft) {
  const { x, n, s } = inputs;
  return {
    mean_x: tft.mean(x), var_x: tft.var(x), min_x: tft.min(x), max_x: tft.max(x), sum_x: tft.sum(x), size_x: tft.size(x),
    mean_n: tft.mean(n), var_n: tft.var(n), min_n: tft.min(n), max_n: tft.max(n), sum_n: tft.sum(n), size_s: tft.size(s),
    q_x: tft.quantiles(x, 4), q_n: tft.quantiles(n, 10),
    z_x: tft.scale_to_z_score(x), u_x: tft.scale_to_0_1(x), mm_n: tft.scale_by_min_max(n, -1, 1), b_x: tft.bucketize(x, 4),
  };
}
`;

const train = mixedRows(400, 1);
const evalRows = mixedRows(150, 2);

async function run() {
  const dir = tempDir('tfx-ts-transform-an-');
  const examples = await writeExamples(`${dir}/examples`, { train, eval: evalRows });
  const schema = writeSchema(`${dir}/schema`, MIXED_SCHEMA);
  return runTransform(dir, 'tx', examples, schema, writeModule(dir, 'prep.mjs', MODULE));
}

function moments(xs: number[]) {
  let sum = 0;
  for (const v of xs) sum += v;
  const mean = sum / xs.length;
  let sq = 0;
  for (const v of xs) sq += (v - mean) * (v - mean);
  let min = Infinity;
  let max = -Infinity;
  for (const v of xs) { if (v < min) min = v; if (v > max) max = v; }
  return { sum, mean, var: sq / xs.length, min, max, size: xs.length };
}

function quantiles(xs: number[], k: number): number[] {
  const s = [...xs].sort((a, b) => a - b);
  return Array.from({ length: k - 1 }, (_, i) => s[Math.floor(((i + 1) * s.length) / k)]);
}

test('mean, var, min, max, sum, size and quantiles equal loops over the analyze split (missing values ignored)', async () => {
  const { examplesUri } = await run();
  const rows = await readSplit(examplesUri, 'eval');
  const first = rows[0];
  const scalar = (k: string) => vals(first[k])[0];
  const x = column(train, 'x');
  const n = column(train, 'n');
  const mx = moments(x);
  const mn = moments(n);
  // Scalar results are float64 in the graph, float32 once written as features (int64 for int min/max/sum/size).
  assert.equal(scalar('mean_x'), Math.fround(mx.mean));
  assert.equal(scalar('var_x'), Math.fround(mx.var));
  assert.deepEqual([scalar('min_x'), scalar('max_x'), scalar('sum_x'), scalar('size_x')], [mx.min, mx.max, Math.fround(mx.sum), mx.size]);
  assert.deepEqual([scalar('mean_n'), scalar('var_n')], [Math.fround(mn.mean), Math.fround(mn.var)]);
  assert.deepEqual([scalar('min_n'), scalar('max_n'), scalar('sum_n'), scalar('size_s')], [mn.min, mn.max, mn.sum, train.filter((r) => r.s.kind === 'bytes').length]);
  assert.deepEqual(vals(first.q_x), quantiles(x, 4).map(Math.fround));
  assert.deepEqual(vals(first.q_n), quantiles(n, 10));
  // The rank property of an exact quantile: #(v < b) ≤ i·n/k ≤ #(v ≤ b).
  vals(first.q_x).forEach((b, i) => {
    const target = ((i + 1) * x.length) / 4;
    assert.ok(x.filter((v) => v < (b as number)).length <= target && target <= x.filter((v) => v <= (b as number)).length);
  });
  // Every example carries the same analyzer results.
  for (const r of rows) assert.deepEqual(vals(r.mean_x), vals(first.mean_x));
});

test('the graph holds the analyzer results in float64 exactly as computed by loops', async () => {
  const { graphJson } = await run();
  const results = graphJson.nodes.filter((nd) => nd.op === 'analyzer').map((nd) => [nd.attrs.analyzer, nd.attrs.result] as const);
  const mx = moments(column(train, 'x'));
  const means = results.filter(([a]) => a === 'mean').map(([, r]) => (r as { value: number }).value);
  assert.ok(means.includes(mx.mean) && means.includes(mx.var), `${JSON.stringify(means)} holds mean ${mx.mean} and var ${mx.var}`);
});

test('scale_to_z_score, scale_to_0_1, scale_by_min_max and bucketize per example, value by value, with train statistics on eval', async () => {
  const { examplesUri } = await run();
  const x = moments(column(train, 'x'));
  const n = moments(column(train, 'n'));
  const qx = quantiles(column(train, 'x'), 4);
  for (const [split, raw] of [['train', train], ['eval', evalRows]] as const) {
    const out = await readSplit(examplesUri, split);
    assert.equal(out.length, raw.length);
    out.forEach((r, i) => {
      const xs = column([raw[i]], 'x');
      assert.deepEqual(vals(r.z_x), xs.map((v) => Math.fround((v - x.mean) / Math.sqrt(x.var))), `${split} row ${i}`);
      assert.deepEqual(vals(r.u_x), xs.map((v) => Math.fround((v - x.min) / (x.max - x.min))));
      assert.deepEqual(vals(r.b_x), xs.map((v) => qx.filter((b) => b <= v).length));
      const nv = column([raw[i]], 'n')[0];
      assert.deepEqual(vals(r.mm_n), [Math.fround(((nv - n.min) / (n.max - n.min)) * 2 - 1)]);
      if (xs.length === 0) assert.equal(r.z_x.kind, 'none', 'a missing value stays missing: an empty Feature{}');
    });
  }
});

test('scale_to_0_1 and scale_by_min_max of a feature with one distinct value on the analyze split: sigmoid(x) onto the range, as TFT', async () => {
  const dir = tempDir('tfx-ts-transform-sig-');
  const constant = mixedRows(40, 3).map((r) => ({ ...r, n: i64([7]) }));
  const examples = await writeExamples(`${dir}/examples`, { train: constant, eval: evalRows.slice(0, 40) });
  const schema = writeSchema(`${dir}/schema`, MIXED_SCHEMA);
  const module = writeModule(dir, 'prep.mjs', `export function preprocessing_fn(inputs, tft) {
    return { u_n: tft.scale_to_0_1(inputs.n), mm_n: tft.scale_by_min_max(inputs.n, -1, 1) };
  }`);
  const { examplesUri } = await runTransform(dir, 'sig', examples, schema, module);
  const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));
  for (const [split, raw] of [['train', constant], ['eval', evalRows.slice(0, 40)]] as const) {
    const out = await readSplit(examplesUri, split);
    out.forEach((r, i) => {
      const ns = column([raw[i]], 'n');
      assert.deepEqual(vals(r.u_n), ns.map((v) => Math.fround(sigmoid(v))), `${split} row ${i}`);
      assert.deepEqual(vals(r.mm_n), ns.map((v) => Math.fround(sigmoid(v) * 2 - 1)), `${split} row ${i}`);
    });
  }
});
