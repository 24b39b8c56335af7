/**
 * Shared bits of the benchmarks: one result row type, the markdown table, machine info, medians,
 * and where the repo and the generated data live. Benchmarks report ratios against a baseline
 * measured in the same run, because absolute numbers drift between (shared) machines.
 */
import { readdirSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One measured value next to the baseline it is compared with. */
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  /** value / baseline.value unless given (set it when "higher is better" reads more naturally inverted). */
  ratio?: number;
  note?: string;
}

/** The repository root (this file is compiled to dist/bench/). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Git-ignored scratch space for generated inputs that are worth keeping between runs. */
export const BENCH_OUT = resolve(REPO_ROOT, 'bench', 'out');

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** True when `moduleUrl` (import.meta.url) is the script node was started with. */
export function isMain(moduleUrl: string): boolean {
  return !!process.argv[1] && resolve(process.argv[1]) === fileURLToPath(moduleUrl);
}

/** `--rows N` (or another flag) from argv (a positive integer), else `fallback`. */
export function rowsArg(argv: readonly string[], fallback: number, flag = '--rows'): number {
  const i = argv.indexOf(flag);
  if (i < 0) return fallback;
  const n = Number(argv[i + 1]);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer, got "${argv[i + 1] ?? ''}"`);
  return n;
}

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  const digits = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 3;
  return x.toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function ratioOf(r: BenchRow): number | undefined {
  return r.ratio ?? (r.baseline ? r.value / r.baseline.value : undefined);
}

export function markdownTable(rows: readonly BenchRow[]): string {
  const lines = ['| metric | value | baseline | ratio |', '|---|---|---|---|'];
  for (const r of rows) {
    const base = r.baseline ? `${fmt(r.baseline.value)} ${r.unit} (${r.baseline.label})` : '—';
    const ratio = ratioOf(r);
    const note = r.note ? ` — ${r.note}` : '';
    lines.push(`| ${r.metric}${note} | ${fmt(r.value)} ${r.unit} | ${base} | ${ratio === undefined ? '—' : `${ratio.toFixed(2)}×`} |`);
  }
  return lines.join('\n');
}

export function printRows(title: string, rows: readonly BenchRow[]): void {
  process.stdout.write(`\n## ${title}\n\n${markdownTable(rows)}\n`);
}

/** Cores, CPU model, memory, node version and the load average right now. */
export function machineInfo(): string {
  const c = cpus();
  const load = loadavg().map((l) => l.toFixed(2)).join(' / ');
  return `${c.length} cores (${c[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, `
    + `node ${process.version}, ${process.platform}/${process.arch}; load average (1/5/15 min) ${load}`;
}

/** Total bytes of the files under `dir`. */
export function treeBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? treeBytes(p) : statSync(p).size;
  }
  return n;
}
