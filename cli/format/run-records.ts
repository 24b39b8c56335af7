/**
 * Reading runs back from the store for the CLI, following orchestrator/records.ts: the run
 * context, its options, its frozen pipeline (PipelineConfiguration `pipeline.json`), the latest
 * execution of each node, and typed property access.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PipelineError } from '../../metadata/errors.js';
import type { ContextRecord, ExecutionRecord, MetadataStore } from '../../metadata/store.js';
import type { PipelineIR } from '../../orchestrator/pipeline.js';
import { CONTEXT_RUN, ExecProps, RunProps } from '../../orchestrator/records.js';
import type { Properties } from '../../orchestrator/component.js';
import { didYouMean, nearestIds } from './suggest.js';

type WithProps = { properties: Properties; customProperties: Properties };

/** A property as a string (custom properties first, then declared ones; a struct as JSON). */
export function propStr(r: WithProps, key: string): string | undefined {
  const v = r.customProperties[key] ?? r.properties[key];
  return v === undefined ? undefined : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** A property as a finite number (numeric strings accepted). */
export function propNum(r: WithProps, key: string): number | undefined {
  const v = r.customProperties[key] ?? r.properties[key];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Parses "12" or "#12" as a positive integer id, else USAGE. */
export function parseId(raw: string | number, what: string): number {
  const s = String(raw).trim().replace(/^#/, '');
  if (!/^\d+$/.test(s) || Number(s) < 1) throw new PipelineError('USAGE', `${what} id must be a positive integer, got '${raw}'`);
  return Number(s);
}

/** The pipeline_run context of a run id, or NOT_FOUND naming close run ids. */
export function findRun(store: MetadataStore, runId: string): ContextRecord {
  const run = store.getContextByName(CONTEXT_RUN, runId);
  if (run) return run;
  const known = store.listContexts(CONTEXT_RUN, { limit: 500 }).map((c) => c.name);
  const hint = known.length ? didYouMean(runId, known) : ' (no runs recorded in this store)';
  throw new PipelineError('NOT_FOUND', `${store.path}: no run '${runId}'${hint}`, { file: store.path });
}

/** NOT_FOUND for an artifact id, naming the nearest ids that exist. */
export function artifactNotFound(store: MetadataStore, id: number): PipelineError {
  const near = nearestIds(id, store.listArtifacts({ limit: 1000 }).map((a) => a.id));
  const hint = near.length ? ` (nearest ids: ${near.join(', ')})` : ' (the store holds no artifacts)';
  return new PipelineError('NOT_FOUND', `${store.path}: no artifact ${id}${hint}`, { file: store.path, artifactId: id });
}

export interface RunOptions {
  noCache: boolean;
  only: string[];
  to: string[];
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? v.split(',').map((s) => s.trim()) : [];

/** The run's options JSON (snake_case or camelCase keys); absent or unreadable → defaults. */
export function runOptions(run: ContextRecord): RunOptions {
  let o: Record<string, unknown> = {};
  try {
    const raw = propStr(run, RunProps.options);
    if (raw) o = JSON.parse(raw) as Record<string, unknown>;
  } catch { /* keep defaults: options are informative only */ }
  return { noCache: Boolean(o.no_cache ?? o.noCache), only: list(o.only), to: list(o.to) };
}

/** The run's frozen pipeline (PipelineConfiguration artifact's pipeline.json); undefined if unavailable. */
export function frozenPipeline(store: MetadataStore, run: ContextRecord): PipelineIR | undefined {
  const id = propNum(run, RunProps.configArtifactId);
  let art = id !== undefined ? store.getArtifact(id) : undefined;
  if (!art) {
    try { art = store.listArtifacts({ type: 'PipelineConfiguration', contextId: run.id, limit: 1 })[0]; } catch { art = undefined; }
  }
  if (!art) return undefined;
  try {
    const p = JSON.parse(readFileSync(join(art.uri, 'pipeline.json'), 'utf8')) as PipelineIR;
    return Array.isArray(p.nodes) ? p : undefined;
  } catch {
    return undefined;
  }
}

/** Node ids a run set out to execute, in pipeline order: all, or narrowed by --only / --to (with ancestors). */
export function plannedNodeIds(p: PipelineIR, o: RunOptions): string[] {
  let ids = p.nodes.map((n) => n.id);
  if (o.only.length) ids = ids.filter((id) => o.only.includes(id));
  if (o.to.length) {
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const keep = new Set<string>();
    const visit = (id: string): void => {
      if (keep.has(id)) return;
      keep.add(id);
      for (const chans of Object.values(byId.get(id)?.inputs ?? {})) for (const c of chans) visit(c.node);
    };
    o.to.forEach(visit);
    ids = ids.filter((id) => keep.has(id));
  }
  return ids;
}

/** The newest execution of each node in a run (by execution id), keyed by node id. */
export function latestExecutionsByNode(store: MetadataStore, run: ContextRecord): Map<string, ExecutionRecord> {
  const byNode = new Map<string, ExecutionRecord>();
  for (const e of store.listExecutions({ contextId: run.id })) {
    const fromName = e.name?.startsWith(`${run.name}.`) ? e.name.slice(run.name.length + 1) : undefined;
    const node = propStr(e, ExecProps.nodeId) ?? fromName ?? `#${e.id}`;
    const seen = byNode.get(node);
    if (!seen || seen.id < e.id) byNode.set(node, e);
  }
  return byNode;
}
