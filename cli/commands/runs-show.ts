/** `tfx-ts runs show <run-id>`: one run's status, environment, nodes and per-step timings. */
import type { CommandIO } from '../io.js';
import { openCliStore } from '../open-store.js';
import { formatDuration, formatShare } from '../format/duration.js';
import { findRun } from '../format/run-records.js';
import { summarizeRun, type RunSummary } from '../format/run-summary.js';
import { renderFields, renderTable } from '../format/table.js';

export interface RunsShowArgs {
  /** Path of the metadata store (SQLite file). */
  store: string;
  /** The run id (the pipeline_run context name). */
  runId: string;
  /** Print one JSON document (RunSummary) instead of tables. */
  json?: boolean;
}

export async function runsShowCommand(args: RunsShowArgs, io: CommandIO): Promise<number> {
  const store = openCliStore(args.store);
  try {
    const summary = summarizeRun(store, findRun(store, args.runId), true);
    io.out(args.json ? JSON.stringify(summary, null, 2) : renderRun(summary));
    return 0;
  } finally {
    store.close();
  }
}

/** Rows of the per-step performance table (the slowest steps of the run, over all nodes). */
const PERF_ROWS = 15;

/** The text form of `runs show`. */
export function renderRun(s: RunSummary): string {
  const env = s.environment;
  const parts = [renderFields([
    ['run', s.runId], ['pipeline', s.pipeline], ['status', s.status], ['started', s.startedAt],
    ['duration', s.durationMs === null ? null : formatDuration(s.durationMs)],
    ['backend', env.backend], ['tfx-ts', env.tfxTsVersion], ['node', env.nodeVersion], ['git commit', env.gitCommit],
    ['reproduces', s.reproduces],
  ])];
  parts.push('', renderTable(['NODE', 'COMPONENT', 'STATUS', 'DURATION', 'EXECUTION', 'OUTPUTS'],
    s.nodes.map((n) => [n.id, n.type, n.status, n.durationMs === null ? null : formatDuration(n.durationMs),
      n.executionId === null ? null : n.executionId,
      Object.entries(n.outputs).map(([k, o]) => `${k}=#${o.artifactId}`).join(' ')]),
    { rightAlign: [3, 4] }));
  const failed = s.nodes.filter((n) => n.error);
  if (failed.length) parts.push('', 'errors:', ...failed.map((n) => (n.error?.startsWith(`${n.id}: `) ? `  ${n.error}` : `  ${n.id}: ${n.error}`)));
  const steps = s.nodes.flatMap((n) => Object.entries(n.steps ?? {}).map(([step, ms]) => ({ node: n.id, step, ms })))
    .sort((a, b) => b.ms - a.ms);
  if (steps.length) {
    const shown = steps.slice(0, PERF_ROWS);
    parts.push('', `performance (slowest steps${steps.length > shown.length ? `, ${shown.length} of ${steps.length}` : ''}):`,
      renderTable(['CALLER', 'STEP', 'ELAPSED MS', 'SHARE'],
        shown.map((r) => [r.node, r.step, Math.round(r.ms), formatShare(r.ms, s.durationMs ?? undefined)]), { rightAlign: [2, 3] }));
  }
  return parts.join('\n');
}
