/**
 * A small pipeline of user-module components written into a temp dir, for runner tests:
 * gen (writes params.text, ignores params.pad), upper (uppercases its input), side (independent),
 * plus components that fail, crash, or wait for a signal file.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers.js';

const componentUrl = pathToFileURL(join(REPO_ROOT, 'dist', 'orchestrator', 'component.js')).href;

const MODULES: Record<string, string> = {
  'gen.mjs': `import { defineComponent } from '${componentUrl}';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { shout } from './lib/util.mjs';
export default defineComponent({ name: 'Gen', version: '1', inputs: {}, outputs: { data: { type: 'Examples' } },
  params: { text: { type: 'string', required: true }, pad: { type: 'integer', default: 0 }, fail: { type: 'boolean', default: false } },
  async executor(ctx) {
    if (ctx.params.fail) throw new Error('asked to fail');
    await writeFile(join(ctx.outputs.data.uri, 'data.txt'), shout(String(ctx.params.text), false));
    return { data: { properties: { split_names: '["train"]' } } };
  } });`,
  'lib/util.mjs': `export const shout = (s, up) => (up ? s.toUpperCase() : s);\n`,
  'upper.mjs': `import { defineComponent } from '${componentUrl}';
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
export default defineComponent({ name: 'Upper', version: '1', inputs: { data: { type: 'Examples' } }, outputs: { out: { type: 'Examples' } },
  params: { wait_for: { type: 'string', default: '' }, crash: { type: 'boolean', default: false } },
  async executor(ctx) {
    if (ctx.params.crash) process.exit(7);
    if (ctx.params.wait_for) { writeFileSync(ctx.params.wait_for + '.started', 'x'); while (!existsSync(ctx.params.wait_for)) await new Promise((r) => setTimeout(r, 50)); }
    const text = await readFile(join(ctx.inputs.data[0].uri, 'data.txt'), 'utf8');
    await writeFile(join(ctx.outputs.out.uri, 'data.txt'), text.toUpperCase());
  } });
import { writeFileSync } from 'node:fs';`,
};

export interface FakePipelineOpts {
  genText?: string; pad?: number; genFail?: boolean; waitFor?: string; crash?: boolean;
  /** Declare side before upper, so that with --parallelism 1 side has finished before upper starts. */
  sideFirst?: boolean;
}

export function writeFakePipeline(dir: string, o: FakePipelineOpts = {}): string {
  for (const [name, src] of Object.entries(MODULES)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), src);
  }
  const upperParams = [o.waitFor ? `wait_for: ${JSON.stringify(o.waitFor)}` : '', o.crash ? 'crash: true' : ''].filter(Boolean).join(', ');
  const upper = `  upper:
    type: ./upper.mjs
    inputs: { data: gen.data }${upperParams ? `\n    params: { ${upperParams} }` : ''}
`;
  const side = `  side:
    type: ./gen.mjs
    params: { text: independent }
`;
  const yaml = `pipeline_name: fake
pipeline_root: ./root
components:
  gen:
    type: ./gen.mjs
    params: { text: ${JSON.stringify(o.genText ?? 'hello')}, pad: ${o.pad ?? 0}${o.genFail ? ', fail: true' : ''} }
${o.sideFirst ? side + upper : upper + side}`;
  const file = join(dir, 'pipeline.yaml');
  writeFileSync(file, yaml);
  return file;
}
