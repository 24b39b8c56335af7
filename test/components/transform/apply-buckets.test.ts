/**
 * tft.apply_buckets against a plain loop (bucket = how many boundaries are ≤ the value, compared in float32 as
 * TF compares a float feature with its boundaries): with a literal boundary list and with boundaries from
 * tft.quantiles; values equal to a boundary, below and above every boundary, multi-valued and missing features,
 * NaN (the last bucket, as in TFT); and the bucket count recorded as the output's cardinality.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ExampleFeatures } from '../../../proto/example-codec.js';
import { parseSchemaText } from '../../../proto/tfmd/index.js';
import { tempDir } from '../../helpers.js';
import { column } from './data.js';
import { f32, i64, none, readSplit, runTransform, vals, writeExamples, writeModule, writeSchema } from './harness.js';

const LIT_X = [-10, 0, 0.7, 25.5, 100];
const LIT_N = [0, 10, 20];
const MODULE = `
export function preprocessing_fn({ x, n }, tft) {
  const q = tft.quantiles(x, 4);
  return {
    lit_x: tft.apply_buckets(x, ${JSON.stringify(LIT_X)}),
    lit_n: tft.apply_buckets(n, ${JSON.stringify(LIT_N)}),
    q_x: tft.apply_buckets(x, q),
    q_bounds: q,
  };
}
`;
const SCHEMA = 'feature {\n  name: "x"\n  type: FLOAT\n}\nfeature {\n  name: "n"\n  type: INT\n  shape {\n    dim {\n      size: 1\n    }\n  }\n}\n';

// Train: 40 rows, x with 1–3 values from a small set (so quantiles repeat values), n scalar.
const POOL = [-12, -10, -3.5, 0, 0.7, 2, 7.25, 25.5, 40, 100, 130];
const TRAIN: ExampleFeatures[] = Array.from({ length: 40 }, (_, i) => ({
  x: f32(Array.from({ length: 1 + (i % 3) }, (_, j) => POOL[(i * 7 + j * 3) % POOL.length])),
  n: i64([(i * 13) % 31 - 5]),
}));

/** Exact quantile boundaries as tft.quantiles computes them (sorted[⌊i·n/k⌋]); asserted against the graph below. */
function quantiles(xs: number[], k: number): number[] {
  const s = [...xs].sort((a, b) => a - b);
  return Array.from({ length: k - 1 }, (_, i) => s[Math.floor(((i + 1) * s.length) / k)]);
}
const Q = quantiles(column(TRAIN, 'x'), 4);

// Eval: every boundary exactly, just around them, below and above all, several values in one feature, missing, NaN.
const EVAL: ExampleFeatures[] = [
  { x: f32(LIT_X), n: i64([0]) },
  { x: f32(Q), n: i64([10]) },
  { x: f32([-1000]), n: i64([-6]) },
  { x: f32([1e6]), n: i64([20]) },
  { x: f32([-10.001, -9.999, 0.69, 0.71, 25.4, 25.6, 99.99, 100.01]), n: i64([9]) },
  { x: f32(Q.flatMap((b) => [b - 0.5, b + 0.5])), n: i64([11]) },
  { x: none, n: i64([21]) },
  { x: f32([]), n: i64([19]) },
  { x: f32([Number.NaN, 3]), n: i64([1000]) },
];

/** The plain loop: number of boundaries b (as float32) with b ≤ v; NaN → every bucket boundary passed. */
function bucket(boundaries: number[], v: number): number {
  if (Number.isNaN(v)) return boundaries.length;
  let k = 0;
  for (const b of boundaries) if (Math.fround(b) <= v) k++;
  return k;
}

test('apply_buckets with literal boundaries and with tft.quantiles boundaries equals a plain loop, value by value, on every split', async () => {
  const dir = tempDir('tfx-ts-transform-buckets-');
  const examples = await writeExamples(join(dir, 'examples'), { train: TRAIN, eval: EVAL });
  const schema = writeSchema(join(dir, 'schema'), SCHEMA);
  const { examplesUri, graphUri } = await runTransform(dir, 'tx', examples, schema, writeModule(dir, 'prep.mjs', MODULE));

  for (const [split, raw] of [['train', TRAIN], ['eval', EVAL]] as const) {
    const out = await readSplit(examplesUri, split);
    assert.equal(out.length, raw.length);
    out.forEach((r, i) => {
      assert.deepEqual(vals(r.q_bounds), Q, 'the quantile boundaries are the exact ones');
      const xs = column([raw[i]], 'x');
      const n = column([raw[i]], 'n');
      assert.deepEqual(vals(r.lit_x), xs.map((v) => bucket(LIT_X, v)), `${split} row ${i}: lit_x of ${xs}`);
      assert.deepEqual(vals(r.q_x), xs.map((v) => bucket(Q, v)), `${split} row ${i}: q_x of ${xs}`);
      assert.deepEqual(vals(r.lit_n), n.map((v) => bucket(LIT_N, v)), `${split} row ${i}: lit_n of ${n}`);
      if (raw[i].x.kind === 'none') assert.deepEqual([r.lit_x.kind, r.q_x.kind], ['none', 'none'], 'a missing value stays missing');
    });
  }
  // Spot checks the loop could share a mistake with: a value equal to a boundary falls in the bucket above it.
  const first = (await readSplit(examplesUri, 'eval'))[0];
  assert.deepEqual(vals(first.lit_x), [1, 2, 3, 4, 5]);
  assert.deepEqual(vals(first.lit_n), [1]);

  const transformed = parseSchemaText(readFileSync(join(graphUri, 'transformed_metadata', 'schema.pbtxt'), 'utf8'));
  const domain = (name: string) => transformed.feature?.find((f) => f.name === name)?.intDomain;
  assert.deepEqual([Number(domain('lit_x')?.min), Number(domain('lit_x')?.max)], [0, LIT_X.length]);
  assert.deepEqual([Number(domain('q_x')?.min), Number(domain('q_x')?.max)], [0, Q.length]);
});
