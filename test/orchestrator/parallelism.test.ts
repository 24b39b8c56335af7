/**
 * Independent nodes run at the same time in separate processes: with --parallelism 2 two CPU-bound user
 * components overlap, each in its own process (not the runner's); with --parallelism 1 they run one after the
 * other. Structural: each node records its pid and start/end (Date.now()) in its output; no speed target.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, tempDir } from '../helpers.js';
import { cliJson, startCli } from '../cli-helper.js';

const componentUrl = pathToFileURL(join(REPO_ROOT, 'dist', 'orchestrator', 'component.js')).href;

// Announces its start, then burns CPU until its peer has started too (or until wait_ms has passed), then burns
// a fixed amount more. With both running at once each sees the other and so ends after the other started,
// whatever the machine's speed; run one at a time the first gives up waiting after wait_ms.
const BURN = `import { defineComponent } from '${componentUrl}';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
export default defineComponent({ name: 'Burn', version: '1', inputs: {}, outputs: { out: { type: 'Examples' } },
  params: { me: { type: 'string', required: true }, peer: { type: 'string', required: true }, wait_ms: { type: 'integer', required: true } },
  async executor(ctx) {
    const start = Date.now();
    writeFileSync(ctx.params.me, String(process.pid));
    let x = 1;
    const burn = (n) => { for (let i = 0; i < n; i++) x = (Math.imul(x, 31) + i) | 0; };
    while (!existsSync(ctx.params.peer) && Date.now() < start + ctx.params.wait_ms) burn(100000);
    const seen = Date.now();
    while (Date.now() <= seen) burn(100000);
    burn(2000000);
    writeFileSync(join(ctx.outputs.out.uri, 'run.json'), JSON.stringify({ pid: process.pid, start, end: Date.now(), x }));
  } });
`;

interface Span { pid: number; start: number; end: number }
interface RunJson { status: string; nodes: { id: string; status: string; outputs: Record<string, { uri: string }> }[] }

async function runTwo(parallelism: number, waitMs: number): Promise<{ runner: number; a: Span; b: Span }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'burn.mjs'), BURN);
  const sig = (n: string): string => JSON.stringify(join(dir, `${n}.started`));
  const file = join(dir, 'p.yaml');
  writeFileSync(file, `pipeline_name: par\npipeline_root: ./root\ncomponents:
  a: { type: ./burn.mjs, params: { me: ${sig('a')}, peer: ${sig('b')}, wait_ms: ${waitMs} } }
  b: { type: ./burn.mjs, params: { me: ${sig('b')}, peer: ${sig('a')}, wait_ms: ${waitMs} } }
`);
  const { child, done } = startCli(['run', file, '--json', '--parallelism', String(parallelism)]);
  const r = await done;
  assert.equal(r.code, 0, r.stderr);
  const j = cliJson<RunJson>(r);
  assert.deepEqual(j.nodes.map((n) => `${n.id}:${n.status}`), ['a:complete', 'b:complete']);
  const span = (id: string): Span => JSON.parse(readFileSync(join(j.nodes.find((n) => n.id === id)!.outputs.out.uri, 'run.json'), 'utf8')) as Span;
  return { runner: child.pid!, a: span('a'), b: span('b') };
}

test('--parallelism 2: two independent CPU-bound nodes run at the same time, each in its own process', async () => {
  // wait_ms is only a safety net against a hang: with both running at once neither waits for it.
  const { runner, a, b } = await runTwo(2, 30000);
  assert.notEqual(a.pid, b.pid, 'two processes');
  assert.ok(a.pid !== runner && b.pid !== runner, `executors ${a.pid}, ${b.pid} run outside the runner ${runner}`);
  assert.ok(a.start < b.end && b.start < a.end, `the intervals overlap: a ${a.start}–${a.end}, b ${b.start}–${b.end}`);
});

test('--parallelism 1: the same two nodes run one after the other', async () => {
  const { runner, a, b } = await runTwo(1, 1500);
  assert.ok(a.pid !== runner && b.pid !== runner, `executors ${a.pid}, ${b.pid} run outside the runner ${runner}`);
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  assert.ok(first.end <= second.start, `no overlap: first ${first.start}–${first.end}, second ${second.start}–${second.end}`);
});
