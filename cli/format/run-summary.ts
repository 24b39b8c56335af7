/**
 * One run as the CLI shows it: status, environment, and per node (in pipeline order) the status,
 * component, duration, outputs and error. Nodes the run planned but never executed are "skipped"
 * (or "pending" while the run is still going); they come from the frozen pipeline and the run options.
 */
import type { ContextRecord, ExecutionRecord, ExecutionStateName, MetadataStore } from '../../metadata/store.js';
import { ArtifactProps, ExecProps, RunProps, type NodeStatus, type RunStatus } from '../../orchestrator/records.js';
import { STEPS_PROP } from '../../orchestrator/step-times.js';
import { isoTime } from './duration.js';
import { frozenPipeline, latestExecutionsByNode, plannedNodeIds, propNum, propStr, runOptions } from './run-records.js';

export type NodeRunStatus = NodeStatus | 'running' | 'pending';

export interface OutputRef {
  artifactId: number;
  type: string;
  uri: string;
  digest: string | null;
}

export interface NodeSummary {
  id: string;
  type: string;
  status: NodeRunStatus;
  durationMs: number | null;
  executionId: number | null;
  outputs: Record<string, OutputRef>;
  error?: string;
  /** Per-step times of the execution in ms (resolve_inputs, cache_key, cache_lookup, execute, …). */
  steps?: Record<string, number>;
}

export interface RunSummary {
  runId: string;
  status: RunStatus | string;
  pipeline: string | null;
  startedAt: string | null;
  durationMs: number | null;
  environment: { tfxTsVersion: string | null; nodeVersion: string | null; backend: string | null; gitCommit: string | null };
  reproduces: string | null;
  nodes: NodeSummary[];
}

const STATE_STATUS: Partial<Record<ExecutionStateName, NodeRunStatus>> = {
  COMPLETE: 'complete', CACHED: 'cached', FAILED: 'failed', CANCELED: 'failed', RUNNING: 'running', NEW: 'running',
};

function nodeOf(e: ExecutionRecord, id: string, withError: boolean): NodeSummary {
  const status = STATE_STATUS[e.state] ?? 'failed';
  const n: NodeSummary = { id, type: e.type, status, durationMs: propNum(e, ExecProps.durationMs) ?? null, executionId: e.id, outputs: {} };
  const err = propStr(e, ExecProps.error) ?? (propStr(e, ExecProps.reason) === 'abandoned' ? 'abandoned: the runner stopped mid-execution' : undefined);
  if (withError && status === 'failed' && err) n.error = err.split('\n')[0];
  const steps = e.customProperties[STEPS_PROP];
  if (withError && steps && typeof steps === 'object') n.steps = Object.fromEntries(Object.entries(steps).filter((kv): kv is [string, number] => typeof kv[1] === 'number'));
  return n;
}

function attachOutputs(store: MetadataStore, nodes: NodeSummary[]): void {
  const byExec = new Map(nodes.filter((n) => n.executionId !== null).map((n) => [n.executionId as number, n]));
  const events = store.getEventsByExecutions([...byExec.keys()]).filter((ev) => ev.type === 'OUTPUT');
  const arts = new Map(store.getArtifacts([...new Set(events.map((ev) => ev.artifactId))]).map((a) => [a.id, a]));
  events.sort((a, b) => a.executionId - b.executionId || (a.key ?? '').localeCompare(b.key ?? '') || (a.index ?? 0) - (b.index ?? 0));
  for (const ev of events) {
    const a = arts.get(ev.artifactId);
    const node = byExec.get(ev.executionId);
    if (!a || !node) continue;
    const key = ev.key ?? 'output';
    const name = node.outputs[key] ? `${key}[${ev.index ?? Object.keys(node.outputs).length}]` : key;
    node.outputs[name] = { artifactId: a.id, type: a.type, uri: a.uri, digest: propStr(a, ArtifactProps.digest) ?? null };
  }
}

/** Summarizes a run; `detail` adds outputs and error lines (one query each for events and artifacts). */
export function summarizeRun(store: MetadataStore, run: ContextRecord, detail = false): RunSummary {
  const startMs = propNum(run, RunProps.startMs);
  const endMs = propNum(run, RunProps.endMs);
  const execs = latestExecutionsByNode(store, run);
  const pipeline = frozenPipeline(store, run);
  const failed = [...execs.values()].some((e) => STATE_STATUS[e.state] === 'failed');
  const status = propStr(run, RunProps.status) ?? (failed ? 'failed' : 'complete');
  const nodes: NodeSummary[] = [];
  const placed = new Set<string>();
  for (const id of pipeline ? plannedNodeIds(pipeline, runOptions(run)) : []) {
    const e = execs.get(id);
    const n = pipeline?.nodes.find((x) => x.id === id);
    nodes.push(e ? nodeOf(e, id, detail)
      : { id, type: n?.componentName ?? n?.type ?? '?', status: status === 'running' ? 'pending' : 'skipped', durationMs: null, executionId: null, outputs: {} });
    placed.add(id);
  }
  const rest = [...execs.entries()].filter(([id]) => !placed.has(id)).sort((a, b) => a[1].id - b[1].id);
  for (const [id, e] of rest) nodes.push(nodeOf(e, id, detail));
  if (detail) attachOutputs(store, nodes);
  const s = (k: string): string | null => propStr(run, k) ?? null;
  return {
    runId: run.name,
    status,
    pipeline: s(RunProps.pipelineName) ?? pipeline?.pipelineName ?? null,
    startedAt: isoTime(startMs) ?? null,
    durationMs: startMs !== undefined && endMs !== undefined ? Math.max(0, endMs - startMs) : null,
    environment: { tfxTsVersion: s(RunProps.tfxTsVersion), nodeVersion: s(RunProps.nodeVersion), backend: s(RunProps.backend), gitCommit: s(RunProps.gitCommit) },
    reproduces: s(RunProps.reproduces),
    nodes,
  };
}

/** Nodes that ran / were cached / failed / were skipped (pending and running count as neither). */
export function countNodes(nodes: NodeSummary[]): { ran: number; cached: number; failed: number; skipped: number } {
  const c = { ran: 0, cached: 0, failed: 0, skipped: 0 };
  for (const n of nodes) {
    if (n.status === 'complete') c.ran++;
    else if (n.status === 'cached') c.cached++;
    else if (n.status === 'failed') c.failed++;
    else if (n.status === 'skipped') c.skipped++;
  }
  return c;
}
