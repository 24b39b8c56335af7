/** The README's user-component snippet, taken from the README itself, runs as a node: `import ... from 'tfx-ts'` resolves. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers.js';
import { cli, cliJson } from '../cli-helper.js';

test("the README's user component (import { defineComponent } from 'tfx-ts') loads and runs in a pipeline", async () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const snippet = /```ts\n(import \{ defineComponent \} from 'tfx-ts';[\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(snippet, 'README has the user-component snippet');
  // Inside the package (self-reference through package.json "exports"), as in a project that installed tfx-ts.
  mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(REPO_ROOT, '.tmp', 'readme-component-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'data'));
  mkdirSync(join(dir, 'components'));
  writeFileSync(join(dir, 'data', 'd.csv'), 'a,b\n1,x\n2,y\n3,z\n');
  writeFileSync(join(dir, 'components', 'my-step.ts'), snippet);
  const file = join(dir, 'p.yaml');
  writeFileSync(file, `pipeline_name: readme\npipeline_root: ./runs\ncomponents:
  example_gen: { type: CsvExampleGen, params: { input_base: ./data } }
  my_step:
    type: ./components/my-step.ts
    inputs: { data: example_gen.examples }
    params: { suffix: '!' }
`);
  const r = await cli(['run', file, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const j = cliJson<{ status: string; nodes: { id: string; type: string; status: string }[] }>(r);
  assert.deepEqual(j.nodes.map((n) => [n.id, n.type, n.status]), [['example_gen', 'CsvExampleGen', 'complete'], ['my_step', 'Upper', 'complete']]);
});
