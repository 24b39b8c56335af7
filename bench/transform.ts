/**
 * Transform throughput on the taxi Examples (default 100,000 rows; the raw Examples and their schema are made once
 * and cached in bench/out/, see taxi-transformed-cache.ts), with examples/taxi/preprocessing.ts.
 *   (a) baseline: read + gunzip + CRCs + decodeExample of every raw record (all splits), timed before and after (b)
 *       so a change of load on a shared machine shows; the baseline is their mean
 *   (b) Transform's executor, called directly in this process: rows/s over every transformed row, ratio to (a);
 *       its analysis passes (train split) and its output digest against the cached run's (same bytes = deterministic)
 *   (c) context: read + decode + encodeExample + gzip write of the same records, no graph (materialize's floor), and
 *       the executor's last split alone (from its log lines) against it: what the graph itself costs
 * Run: npx tsc -p . && node dist/bench/transform.js [--rows N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transform } from '../components/transform/index.js';
import { digestPath } from '../orchestrator/fingerprint.js';
import { type BenchRow, fmt, isMain, printRows, rowsArg } from './bench-kit.js';
import { decodePass } from './decode-pass.js';
import { runExecutor } from './run-executor.js';
import { ensureTaxiTransformed, TAXI_MODULE } from './taxi-transformed-cache.js';

function checkRows(what: string, got: number, want: number): void {
  if (got !== want) throw new Error(`${what}: got ${got} examples, expected ${want}`);
}

export async function benchTransform(rows: number): Promise<BenchRow[]> {
  const data = await ensureTaxiTransformed(rows);
  const splits = data.raw.splitNames;
  const work = mkdtempSync(join(tmpdir(), 'tfx-ts-bench-transform-'));
  try {
    const before = await decodePass(data.raw.uri, splits);
    let phases = 0;
    const done: { split: string; examples: number; at: number }[] = [];
    const t0 = performance.now();
    const onLog = (msg: string, f?: Record<string, unknown>): void => {
      const m = /^analysis phase \d+\/(\d+)$/.exec(msg);
      if (m) phases = Number(m[1]);
      if (msg === 'split transformed' && typeof f?.examples === 'number') done.push({ split: String(f.split), examples: f.examples, at: performance.now() - t0 });
    };
    const run = await runExecutor(transform, join(work, 'transform'), { examples: [data.examples], schema: [data.schema] }, { module_file: TAXI_MODULE }, onLog);
    const after = await decodePass(data.raw.uri, splits);
    const rewrite = await decodePass(data.raw.uri, splits, join(work, 'rewrite'));
    for (const p of [before, after, rewrite]) checkRows('baseline pass', p.records, rows);
    checkRows('Transform (summed over split transformed)', done.reduce((a, d) => a + d.examples, 0), rows);
    const analyzed = done.find((d) => d.split === 'train')?.examples ?? 0;
    // The last split's materialize time: from the previous split's end to its own (the graph is loaded by then).
    const last = done[done.length - 1];
    const lastMs = last.at - (done.length > 1 ? done[done.length - 2].at : 0);
    const sameBytes = (await digestPath(run.uris.transformed_examples)) === (await digestPath(data.transformedExamples.uri));
    const perS = (p: { ms: number }): number => rows / (p.ms / 1000);
    const baseRate = (perS(before) + perS(after)) / 2;
    const n = rows.toLocaleString('en-US');
    return [
      {
        metric: `read + gunzip + CRCs + decodeExample of the ${n} raw records (${(data.raw.bytes / 1e6).toFixed(1)} MB gz, splits ${splits.join(', ')})`,
        value: baseRate, unit: 'records/s', note: `baseline: mean of ${fmt(perS(before))} before and ${fmt(perS(after))} after the executor`,
      },
      {
        metric: 'Transform executor (taxi preprocessing_fn), rows/s', value: perS(run), unit: 'rows/s',
        baseline: { label: 'read + decode', value: baseRate },
        note: `${(run.ms / 1000).toFixed(1)} s for ${n} rows: ${phases} analysis pass${phases === 1 ? '' : 'es'} over the ${fmt(analyzed)}-row train split, `
          + `then every split through the loaded graph; output bytes identical to the cached run: ${sameBytes ? 'yes' : 'NO'}`,
      },
      {
        metric: 'read + decode + encodeExample + gzip write, no graph (materialize\'s floor)', value: perS(rewrite), unit: 'records/s',
        baseline: { label: 'read + decode', value: baseRate }, note: 'context',
      },
      {
        metric: `Transform materialize alone (${last.split} split through the loaded graph, written)`, value: last.examples / (lastMs / 1000), unit: 'rows/s',
        baseline: { label: 'read + decode + encode + gzip', value: perS(rewrite) },
        note: `${fmt(last.examples)} rows in ${(lastMs / 1000).toFixed(1)} s; the rest of the executor (trace, analysis, graph, other splits) took ${((run.ms - lastMs) / 1000).toFixed(1)} s`,
      },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  printRows('Transform', await benchTransform(rowsArg(process.argv, 100_000)));
}
