/**
 * splits_config: by default analyze train and transform every split; analyze/transform lists (object or JSON
 * string) pick the splits; unknown or malformed → BAD_PARAM before anything is written. Also the spec's shape.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { transform } from '../../../components/transform/index.js';
import { tempDir } from '../../helpers.js';
import { column, MIXED_SCHEMA, mixedRows } from './data.js';
import { readSplit, runTransform, vals, writeExamples, writeModule, writeSchema } from './harness.js';

const ROWS = { train: mixedRows(60, 31), eval: mixedRows(40, 32), test: mixedRows(30, 33) };
const MODULE = 'export const preprocessing_fn = ({ n }, tft) => ({ m: tft.mean(n) });\n';

async function setup() {
  const dir = tempDir('tfx-ts-transform-splits-');
  const examples = await writeExamples(join(dir, 'examples'), ROWS);
  return { dir, examples, schema: writeSchema(join(dir, 'schema'), MIXED_SCHEMA), module: writeModule(dir, 'prep.mjs', MODULE) };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

test('spec: TFX names, types and params', () => {
  assert.equal(transform.name, 'Transform');
  assert.equal(transform.executionBaseType, 'Transform');
  assert.deepEqual(Object.fromEntries(Object.entries(transform.inputs).map(([k, v]) => [k, v.type])), { examples: 'Examples', schema: 'Schema' });
  assert.deepEqual(Object.fromEntries(Object.entries(transform.outputs).map(([k, v]) => [k, v.type])), { transform_graph: 'TransformGraph', transformed_examples: 'Examples' });
  const m = transform.params.module_file;
  assert.deepEqual([m.type, m.required, m.path, m.mustExist, m.module], ['string', true, 'file', true, true]);
  assert.ok(transform.params.splits_config);
});

test('default: analyze train, transform every split', async () => {
  const { dir, examples, schema, module } = await setup();
  const run = await runTransform(dir, 'tx', examples, schema, module);
  assert.equal(run.result.transformed_examples?.properties?.split_names, '["train","eval","test"]');
  assert.deepEqual(readdirSync(run.examplesUri).sort(), ['Split-eval', 'Split-test', 'Split-train']);
  assert.deepEqual(vals((await readSplit(run.examplesUri, 'test'))[0].m), [Math.fround(mean(column(ROWS.train, 'n')))]);
});

test('analyze train+eval, transform test only (JSON string form)', async () => {
  const { dir, examples, schema, module } = await setup();
  const run = await runTransform(dir, 'tx', examples, schema, module, { splits_config: '{"analyze": ["train", "eval"], "transform": ["test"]}' });
  assert.equal(run.result.transformed_examples?.properties?.split_names, '["test"]');
  assert.deepEqual(readdirSync(run.examplesUri), ['Split-test']);
  const both = [...column(ROWS.train, 'n'), ...column(ROWS.eval, 'n')];
  assert.deepEqual(vals((await readSplit(run.examplesUri, 'test'))[0].m), [Math.fround(mean(both))]);
});

test('bad splits_config → BAD_PARAM, nothing written', async () => {
  const { dir, examples, schema, module } = await setup();
  const cases: [unknown, RegExp][] = [
    [{ analyze: ['validation'] }, /splits_config\.analyze: no split "validation" in the examples \(splits: train, eval, test\)/],
    [{ analyze: [] }, /splits_config\.analyze: must be a non-empty list/],
    [{ transform: 'eval' }, /splits_config\.transform: must be a list of split names/],
    [{ analyse: ['train'] }, /splits_config\.analyse: unknown key \(did you mean "analyze"\?\)/],
    ['{not json', /not valid JSON/],
    [['train'], /must be an object/],
    [{ transform: ['eval', 'eval'] }, /lists a split twice/],
  ];
  for (const [i, [param, message]] of cases.entries()) {
    await assert.rejects(runTransform(dir, `tx${i}`, examples, schema, module, { splits_config: param }), { code: 'BAD_PARAM', message });
    assert.deepEqual(readdirSync(join(dir, `tx${i}`, 'out', 'transform_graph')), []);
  }
});
