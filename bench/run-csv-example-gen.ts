/**
 * Calls CsvExampleGen's executor directly (no orchestrator, no store) with a hand-made
 * ExecutorContext: default input/output config, outputs under `outDir`. Returns the rows it
 * reported, the wall time and the bytes it wrote.
 */
import { mkdirSync } from 'node:fs';
import { treeBytes } from './bench-kit.js';
import { join } from 'node:path';
import { csvExampleGen } from '../components/example-gen/index.js';
import type { ExecutorContext } from '../orchestrator/component.js';

export interface ExampleGenRun {
  rows: number;
  ms: number;
  outBytes: number;
}

function defaultParams(inputBase: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(csvExampleGen.params)) if (p.default !== undefined) params[k] = p.default;
  params.input_base = inputBase;
  return params;
}

export async function runCsvExampleGen(inputBase: string, outDir: string): Promise<ExampleGenRun> {
  const uri = join(outDir, 'examples');
  const tmpDir = join(outDir, 'tmp');
  mkdirSync(uri, { recursive: true });
  mkdirSync(tmpDir, { recursive: true });
  let rows = 0;
  const ctx: ExecutorContext = {
    nodeId: 'example_gen',
    component: csvExampleGen.name,
    inputs: {},
    outputs: { examples: { type: 'Examples', uri } },
    params: defaultParams(inputBase),
    tmpDir,
    log: {
      info: (msg, fields) => { if (msg === 'converted CSV split' && typeof fields?.rows === 'number') rows += fields.rows; },
      warn: () => {},
      debug: () => {},
    },
    progress: () => {},
  };
  const t0 = performance.now();
  await csvExampleGen.executor(ctx);
  const ms = performance.now() - t0;
  return { rows, ms, outBytes: treeBytes(uri) };
}
