/**
 * Trainer throughput per TensorFlow.js backend on the same transformed taxi examples (default 100,000 rows: the
 * cached raw Examples → StatisticsGen → SchemaGen → Transform once, kept in bench/out/, see taxi-transformed-cache.ts),
 * training examples/taxi/pipeline.yaml's declarative `model` with a fixed epoch count.
 * Each backend runs in its own child process (TFX_TS_BACKEND=<name>), twice, interleaved (cpu, wasm, cpu, wasm) so
 * a change of load on a shared machine hits both alike. Baseline: cpu, the pure-JS backend. Also: whether the two
 * runs of one backend wrote byte-identical Format-Serving/ folders (digestPath), and whether the backends agree.
 * `tensorflow` (tfjs-node) is measured only when @tensorflow/tfjs-node resolves and really loads.
 * Run: npx tsc -p . && node dist/bench/trainer-backends.js [--rows N]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type BenchRow, fmt, isMain, printRows, REPO_ROOT, rowsArg } from './bench-kit.js';
import type { TrainerChildInput, TrainerChildRun } from './trainer-child.js';
import { ensureTaxiTransformed } from './taxi-transformed-cache.js';

const CHILD = fileURLToPath(new URL('./trainer-child.js', import.meta.url));
/** Fixed here so the numbers do not move when the example pipeline's epochs change. */
export const BENCH_EPOCHS = 3;

/** examples/taxi/pipeline.yaml's trainer `model`, epochs replaced by BENCH_EPOCHS. */
export function taxiModel(): Record<string, unknown> {
  const doc = parse(readFileSync(join(REPO_ROOT, 'examples', 'taxi', 'pipeline.yaml'), 'utf8')) as
    { components?: { trainer?: { params?: { model?: Record<string, unknown> } } } };
  const model = doc.components?.trainer?.params?.model;
  if (!model) throw new Error('examples/taxi/pipeline.yaml has no components.trainer.params.model');
  return { ...model, epochs: BENCH_EPOCHS };
}

function childRun(backend: string, input: TrainerChildInput): TrainerChildRun {
  const r = spawnSync(process.execPath, [CHILD, JSON.stringify(input)], {
    encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, TFX_TS_BACKEND: backend },
  });
  if (r.status !== 0) {
    const why = r.stderr.split('\n').filter((l) => l.trim() && !/^\s+at /.test(l)).slice(0, 4).join(' | ');
    throw new Error(`trainer child (${backend}) exited ${r.status}: ${why}`);
  }
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as TrainerChildRun;
}

/** Why tfjs-node is not measured, or undefined when it resolves (then a child run tells whether it loads). */
function tensorflowMissing(): string | undefined {
  try {
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-node');
    return undefined;
  } catch {
    return '@tensorflow/tfjs-node (an optionalDependency needing libtensorflow) is not installed here';
  }
}

const rate = (runs: TrainerChildRun[]): number => runs.reduce((s, r) => s + r.trainExamples, 0) / runs.reduce((s, r) => s + r.trainSeconds, 0);
const wall = (runs: TrainerChildRun[]): number => runs.reduce((s, r) => s + r.ms, 0) / runs.length / 1000;
const short = (d: string): string => d.slice(0, 12);

export async function benchTrainerBackends(rows: number): Promise<BenchRow[]> {
  const data = await ensureTaxiTransformed(rows);
  const model = taxiModel();
  const work = mkdtempSync(join(tmpdir(), 'tfx-ts-bench-trainer-'));
  try {
    const input = (name: string): TrainerChildInput => ({
      examples: data.transformedExamples, transformGraph: data.transformGraph, schema: data.schema, model, outDir: join(work, name),
    });
    const missing = tensorflowMissing();
    const backends = missing ? ['cpu', 'wasm'] : ['cpu', 'wasm', 'tensorflow'];
    const runs = new Map<string, TrainerChildRun[]>(backends.map((b) => [b, []]));
    for (let i = 0; i < 2; i++) for (const b of backends) runs.get(b)!.push(childRun(b, input(`${b}-${i}`)));
    let tfNote = missing;
    if (!missing && runs.get('tensorflow')!.some((r) => r.backend !== 'tensorflow')) {
      tfNote = `@tensorflow/tfjs-node resolves but does not load (fell back to ${runs.get('tensorflow')![0].backend})`;
      runs.delete('tensorflow');
    }
    for (const [b, rs] of runs) {
      for (const r of rs) if (r.backend !== b) throw new Error(`TFX_TS_BACKEND=${b}, but the trainer ran on ${r.backend}`);
    }
    const perEpoch = runs.get('cpu')![0].trainExamples / BENCH_EPOCHS;
    const cpu = runs.get('cpu')!;
    const base = rate(cpu);
    const identical = [...runs].filter(([, rs]) => rs[0].servingDigest === rs[1].servingDigest).map(([b]) => b);
    const digests = [...runs].map(([b, rs]) => `${b} ${short(rs[0].servingDigest)}${rs[1].servingDigest === rs[0].servingDigest ? '' : `/${short(rs[1].servingDigest)}`}`);
    const agree = new Set([...runs.values()].map((rs) => rs[0].servingDigest)).size === 1;
    const out: BenchRow[] = [];
    for (const [b, rs] of runs) {
      const acc = rs.map((r) => r.evalMetric.toFixed(4)).join('/');
      const note = `${BENCH_EPOCHS} epochs × ${fmt(perEpoch)} train examples (the train split of ${rows.toLocaleString('en-US')} rows); `
        + `2 runs: ${rs.map((r) => fmt(r.trainExamples / r.trainSeconds)).join(', ')}; eval accuracy ${acc}`;
      out.push(b === 'cpu'
        ? { metric: 'Trainer training loop, cpu backend (pure JS), examples/s', value: base, unit: 'examples/s', note: `baseline; ${note}` }
        : { metric: `Trainer training loop, ${b} backend, examples/s`, value: rate(rs), unit: 'examples/s', baseline: { label: 'cpu', value: base }, note });
    }
    for (const [b, rs] of runs) {
      if (b === 'cpu') continue;
      out.push({
        metric: `Trainer executor wall time, ${b} (backend start, ${BENCH_EPOCHS} epochs + eval passes, save)`, value: wall(rs), unit: 's',
        baseline: { label: 'cpu', value: wall(cpu) }, note: `mean of 2 runs; peak RSS ${fmt(Math.max(...rs.map((r) => r.maxRssKiB)) / 1024)} MiB vs cpu ${fmt(Math.max(...cpu.map((r) => r.maxRssKiB)) / 1024)} MiB`,
      });
    }
    out.push({
      metric: 'backends measured', value: runs.size, unit: 'of 3', note: `${[...runs.keys()].join(', ')}; tensorflow: ${tfNote ?? 'measured'}`,
    });
    out.push({
      metric: 'same backend twice → byte-identical Format-Serving/', value: identical.length, unit: `of ${runs.size} backends`,
      note: `identical: ${identical.join(', ') || 'none'}; sha256 ${digests.join(', ')}; across backends ${agree ? 'identical' : 'different (expected: float kernels differ)'}`,
    });
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  printRows('Trainer per backend', await benchTrainerBackends(rowsArg(process.argv, 100_000)));
}
