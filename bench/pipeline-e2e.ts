/**
 * End-to-end wall time of the full taxi pipeline (examples/taxi/pipeline.yaml, all its nodes) through the CLI,
 * `node dist/cli/main.js run <pipeline.yaml> --json`, on the shipped data (examples/taxi/data/data.csv) and on a
 * generated CSV (default 100,000 rows, cached in bench/out/, see taxi-csv-cache.ts) swapped in for it.
 * For each: baseline `run --to example_gen` (CsvExampleGen alone, same data, its own fresh copy), then the first run
 * of the whole pipeline in a fresh copy, then a fully cached re-run of it; per-node durations from the --json output.
 * The example (not its runs/ or serving/) is copied into a temp dir per run, so nothing is cached from before.
 * Run: npx tsc -p . && node dist/bench/pipeline-e2e.js [--rows N]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { chooseBackendName } from '../orchestrator/backend.js';
import { type BenchRow, isMain, printRows, REPO_ROOT, rowsArg } from './bench-kit.js';
import { ensureTaxiCsv } from './taxi-csv-cache.js';

const CLI = join(REPO_ROOT, 'dist', 'cli', 'main.js');
const EXAMPLE = join(REPO_ROOT, 'examples', 'taxi');
const SKIP = new Set(['runs', 'serving']);

interface RunJson { status: string; nodes: { id: string; status: string; durationMs: number }[] }
interface Timed { ms: number; result: RunJson }

/** A fresh copy of the example in `dir`; `csv` replaces data/data.csv. Returns the pipeline file. */
function copyExample(dir: string, csv?: string): string {
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !SKIP.has(relative(EXAMPLE, src).split(sep)[0]) });
  if (csv) copyFileSync(csv, join(dir, 'data', 'data.csv'));
  return join(dir, 'pipeline.yaml');
}

function runCli(yaml: string, extra: string[] = []): Timed {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'run', yaml, '--json', ...extra], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) {
    const why = r.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('{')).slice(0, 4).join(' | ');
    throw new Error(`tfx-ts run ${yaml} ${extra.join(' ')} exited ${r.status}: ${why || r.stdout.slice(0, 300)}`);
  }
  const result = JSON.parse(r.stdout) as RunJson;
  if (result.status !== 'complete') throw new Error(`pipeline run ended ${result.status}`);
  return { ms, result };
}

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Baseline, first run and cached re-run on one data set; `csv` undefined = the shipped data. */
function benchData(work: string, label: string, csv: string | undefined): BenchRow[] {
  const base = runCli(copyExample(mkdtempSync(join(work, 'eg-')), csv), ['--to', 'example_gen']);
  const yaml = copyExample(mkdtempSync(join(work, 'full-')), csv);
  const first = runCli(yaml);
  const cached = runCli(yaml);
  const stale = cached.result.nodes.filter((n) => n.status !== 'cached' && n.status !== 'skipped').map((n) => `${n.id}=${n.status}`);
  if (stale.length) throw new Error(`re-run on ${label} was not fully cached: ${stale.join(', ')}`);
  const nodes = first.result.nodes;
  const sum = nodes.reduce((a, n) => a + n.durationMs, 0);
  const byTime = [...nodes].sort((a, b) => b.durationMs - a.durationMs);
  return [
    {
      metric: `taxi pipeline, first run via the CLI, ${label} (${nodes.length} nodes)`, value: first.ms / 1000, unit: 's',
      baseline: { label: 'CsvExampleGen alone, `--to example_gen`', value: base.ms / 1000 },
      note: `backend ${chooseBackendName()}; slowest nodes ${byTime.slice(0, 3).map((n) => `${n.id} ${s(n.durationMs)}`).join(', ')}`,
    },
    {
      metric: `per-node durations, first run, ${label} (sum; nodes run in parallel where they can)`, value: sum / 1000, unit: 's',
      baseline: { label: 'run wall time', value: first.ms / 1000 },
      note: nodes.map((n) => `${n.id} ${s(n.durationMs)}${n.status === 'complete' ? '' : ` (${n.status})`}`).join(', '),
    },
    {
      metric: `taxi pipeline, fully cached re-run via the CLI, ${label}`, value: cached.ms / 1000, unit: 's',
      baseline: { label: 'first run', value: first.ms / 1000 },
    },
  ];
}

export async function benchPipelineE2e(rows: number): Promise<BenchRow[]> {
  const shipped = join(EXAMPLE, 'data', 'data.csv');
  const shippedRows = readFileSync(shipped, 'utf8').trimEnd().split('\n').length - 1;
  const big = await ensureTaxiCsv(rows);
  const work = mkdtempSync(join(tmpdir(), 'tfx-ts-bench-e2e-'));
  try {
    return [
      ...benchData(work, `shipped data (${shippedRows.toLocaleString('en-US')} rows)`, undefined),
      ...benchData(work, `generated CSV (${rows.toLocaleString('en-US')} rows)`, big.file),
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  printRows('Taxi pipeline end to end', await benchPipelineE2e(rowsArg(process.argv, 100_000)));
}
