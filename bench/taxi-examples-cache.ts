/**
 * A generated taxi CSV converted once by CsvExampleGen's executor (default config: train/eval hash split,
 * gzipped TFRecords) and kept in bench/out/ (git-ignored) between runs:
 * bench/out/taxi-examples-<rows>-seed<seed>/Split-<name>/... and bench/out/taxi-examples-<rows>-seed<seed>.json
 * with its split names and total byte count. Reused only when the folder still holds exactly that many
 * bytes; otherwise rebuilt under a temporary folder and renamed, so an interrupted run leaves nothing half-done.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_OUT, treeBytes } from './bench-kit.js';
import { runCsvExampleGen } from './run-csv-example-gen.js';
import { ensureTaxiCsv } from './taxi-csv-cache.js';

export interface TaxiExamples {
  /** The Examples artifact's uri (holds the Split-<name> folders). */
  uri: string;
  rows: number;
  splitNames: string[];
  bytes: number;
  /** Milliseconds spent now generating the CSV and converting it; 0 when both were reused. */
  prepareMs: number;
}

interface Meta { rows: number; seed: number; bytes: number; splitNames: string[] }

function readMeta(file: string): Meta | undefined {
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Partial<Meta>;
    const ok = typeof m.bytes === 'number' && typeof m.rows === 'number' && Array.isArray(m.splitNames);
    return ok ? (m as Meta) : undefined;
  } catch {
    return undefined;
  }
}

export async function ensureTaxiExamples(rows: number, seed = 7): Promise<TaxiExamples> {
  const name = `taxi-examples-${rows}-seed${seed}`;
  const uri = join(BENCH_OUT, name);
  const metaFile = join(BENCH_OUT, `${name}.json`);
  const meta = readMeta(metaFile);
  if (meta && existsSync(uri) && treeBytes(uri) === meta.bytes) {
    return { uri, rows, splitNames: meta.splitNames, bytes: meta.bytes, prepareMs: 0 };
  }
  const t0 = performance.now();
  const csv = await ensureTaxiCsv(rows, seed);
  const partial = join(BENCH_OUT, `.${name}.partial`);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const run = await runCsvExampleGen(csv.dir, partial);
  if (run.rows !== rows) throw new Error(`CsvExampleGen converted ${run.rows} rows of ${csv.file}, expected ${rows}`);
  const splitNames = readdirSync(join(partial, 'examples')).filter((n) => n.startsWith('Split-')).map((n) => n.slice(6)).sort();
  rmSync(uri, { recursive: true, force: true });
  renameSync(join(partial, 'examples'), uri);
  rmSync(partial, { recursive: true, force: true });
  writeFileSync(metaFile, JSON.stringify({ rows, seed, bytes: run.outBytes, splitNames }) + '\n');
  return { uri, rows, splitNames, bytes: run.outBytes, prepareMs: performance.now() - t0 };
}
