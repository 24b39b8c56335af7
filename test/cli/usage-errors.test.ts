import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { cli, cliJson, startCli } from '../cli-helper.js';

interface ErrorJson { error: string; code: string; exitCode: number; problems: string[] }

function tinyPipeline(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'd.csv'), 'a,b\n1,x\n2,y\n');
  const file = join(dir, 'p.yaml');
  writeFileSync(file, 'pipeline_name: t\npipeline_root: ./root\ncomponents:\n  gen:\n    type: CsvExampleGen\n    params: { input_base: ./data }\n');
  return file;
}

test('--parallelism that is not a whole number >= 1 is a usage error before anything is opened (it used to hang on NaN)', async () => {
  const file = tinyPipeline();
  for (const bad of ['abc', '0', '1.5', '-2']) {
    const { child, done } = startCli(['run', file, '--parallelism', bad]);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const r = await done;
    clearTimeout(timer);
    assert.equal(r.signal, null, `--parallelism ${bad} must not hang`);
    assert.equal(r.code, 2, `--parallelism ${bad}: ${r.stderr}`);
    assert.match(r.stderr, /^error: --parallelism must be a whole number of at least 1, got '.*'$/m);
    assert.equal(r.stdout, '');
  }
  assert.equal(existsSync(join(file, '..', 'root')), false, 'no store, no pipeline root');
  const ok = await cli(['run', file, '--parallelism', '2', '--json']);
  assert.equal(ok.code, 0, ok.stderr);
});

test('with --json a failing command still prints exactly one JSON object: the error, its code, exit code and every problem', async () => {
  const dir = tempDir();
  const file = join(dir, 'bad.yaml');
  writeFileSync(file, 'pipeline_name: t\npipeline_root: ./r\ncomponents:\n  a:\n    type: CsvExampleGenn\n  b:\n    type: StatisticsGen\n    inputs: {examples: c.examples}\n');
  const r = await cli(['run', file, '--json']);
  assert.equal(r.code, 2);
  const j = cliJson<ErrorJson>(r);
  assert.equal(j.exitCode, 2);
  assert.equal(j.problems.length, 2);
  assert.match(j.problems[0], /bad\.yaml:5:11: unknown component type "CsvExampleGenn" \(did you mean "CsvExampleGen"\?\)/);
  assert.match(j.problems[1], /bad\.yaml:8:24: input examples refers to unknown node "c"/);
  assert.equal(j.error, j.problems[0]);
  assert.equal(r.stderr.split('\n').filter((l) => l.startsWith('error: ')).length, 2, 'stderr keeps one line per problem');

  const usage = await cli(['run', file, '--parallelism', 'x', '--json']);
  assert.deepEqual({ ...cliJson<ErrorJson>(usage), error: '' }, { error: '', code: 'USAGE', exitCode: 2, problems: ["--parallelism must be a whole number of at least 1, got 'x'"] });

  const missing = await cli(['runs', 'show', 'nope', '--store', join(dir, 'none.sqlite'), '--json']);
  const m = cliJson<ErrorJson>(missing);
  assert.equal(missing.code, m.exitCode);
  assert.notEqual(m.exitCode, 0);
});
