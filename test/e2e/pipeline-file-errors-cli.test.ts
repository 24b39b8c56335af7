/**
 * Every kind of pipeline-file error, through the CLI with the standard components: `run` exits 2, prints exactly
 * one `error: <file>:<line>:<col>: ...` line pointing at the offending YAML node, and creates no store (nothing ran).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { cli } from '../cli-helper.js';

// A valid pipeline, one line per entry (line n of the file is BASE[n - 1]); each case replaces some lines.
const BASE = [
  'pipeline_name: bad', //                                          1
  'pipeline_root: ./root', //                                       2
  'components:', //                                                 3
  '  example_gen:', //                                              4
  '    type: CsvExampleGen', //                                     5
  '    params: { input_base: ./data }', //                          6
  '  statistics_gen:', //                                           7
  '    type: StatisticsGen', //                                     8
  '    inputs: { examples: example_gen.examples }', //              9
  '  schema_gen:', //                                              10
  '    type: SchemaGen', //                                        11
  '    inputs: { statistics: statistics_gen.statistics }', //      12
  '  transform:', //                                               13
  '    type: Transform', //                                        14
  '    inputs: { examples: example_gen.examples, schema: schema_gen.schema }', // 15
  '    params: { module_file: ./prep.mjs }', //                    16
];

interface Case { what: string; lines: Record<number, string | null>; line: number; col: number; message: RegExp }

const CASES: Case[] = [
  { what: 'an unknown component type', lines: { 8: '    type: StatisticGen' }, line: 8, col: 11,
    message: /unknown component type "StatisticGen" \(did you mean "StatisticsGen"\?\)/ },
  { what: 'an input reference to an unknown node', lines: { 9: '    inputs: { examples: exmple_gen.examples }' }, line: 9, col: 25,
    message: /unknown node "exmple_gen" \(did you mean "example_gen"\?\)/ },
  { what: 'an input reference to an unknown output', lines: { 9: '    inputs: { examples: example_gen.exampels }' }, line: 9, col: 25,
    message: /no output "exampels" \(did you mean "examples"\?\)/ },
  { what: 'a cycle', lines: { 9: '    inputs: { examples: example_gen.examples, schema: schema_gen.schema }' }, line: 9, col: 55,
    message: /cycle: statistics_gen → schema_gen → statistics_gen$/ },
  { what: 'an artifact type mismatch between a channel and the input it feeds', lines: { 12: '    inputs: { statistics: example_gen.examples }' },
    line: 12, col: 27, message: /input statistics of schema_gen expects ExampleStatistics, example_gen\.examples is Examples$/ },
  { what: 'a missing required param', lines: { 16: null }, line: 13, col: 3, message: /missing required param "module_file"/ },
  { what: 'an unknown param', lines: { 6: '    params: { input_base: ./data, output_data_formt: 6 }' }, line: 6, col: 35,
    message: /unknown param "output_data_formt" for CsvExampleGen \(did you mean "output_data_format"\?\)/ },
  { what: 'a missing input folder', lines: { 6: '    params: { input_base: ./nodata }' }, line: 6, col: 27, message: /directory \.\/nodata not found/ },
  { what: 'a missing module file', lines: { 16: '    params: { module_file: ./prep2.mjs }' }, line: 16, col: 28, message: /prep2\.mjs not found/ },
  { what: 'a missing user component module', lines: { 11: '    type: ./my-schema-gen.mjs' }, line: 11, col: 11,
    message: /component module \.\/my-schema-gen\.mjs not found/ },
  { what: 'a user module whose local import is missing', lines: { 16: '    params: { module_file: ./broken.mjs }' }, line: 16, col: 28,
    message: /module \.\/broken\.mjs: cannot follow its imports: Could not resolve "\.\/helper\.mjs"/ },
];

function workspace(lines: Case['lines']): { dir: string; file: string } {
  const dir = tempDir();
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'data.csv'), 'a,b\n1,x\n2,y\n');
  writeFileSync(join(dir, 'prep.mjs'), 'export function preprocessing_fn(inputs) { return { a: inputs.a }; }\n');
  writeFileSync(join(dir, 'broken.mjs'), "import { helper } from './helper.mjs';\nexport function preprocessing_fn(inputs) { return helper(inputs); }\n");
  const text = BASE.flatMap((l, i) => (i + 1 in lines ? (lines[i + 1] === null ? [] : [lines[i + 1]!]) : [l]));
  const file = join(dir, 'pipeline.yaml');
  writeFileSync(file, `${text.join('\n')}\n`);
  return { dir, file };
}

for (const c of CASES) {
  test(`run with ${c.what}: exit 2, one error line at file:${c.line}:${c.col}, no store created`, async () => {
    const { dir, file } = workspace(c.lines);
    const r = await cli(['run', file]);
    assert.equal(r.code, 2, r.stderr);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.equal(lines.filter((l) => l.startsWith('error: ')).length, 1, r.stderr);
    assert.ok(lines[0].startsWith(`error: ${file}:${c.line}:${c.col}: `), lines[0]);
    assert.match(lines[0], c.message);
    assert.equal(existsSync(join(dir, 'root', 'metadata.sqlite')), false, 'no metadata store created');
    assert.equal(existsSync(join(dir, 'root')), false, 'nothing written under pipeline_root');
  });
}

test('the unchanged base pipeline of these cases is valid (each case breaks exactly one thing)', async () => {
  const { file } = workspace({});
  const r = await cli(['graph', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
});
