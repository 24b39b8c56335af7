/**
 * Local runner: walks the pipeline in topological order, running independent nodes at the same time
 * (up to `parallelism`, default: cores), each in its own process. A failed node's downstream nodes
 * are `skipped`; independent branches finish. Every run is recorded (see run-record.ts).
 */
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { PipelineError } from '../metadata/errors.js';
import type { Component } from './component.js';
import type { RunnerConfig } from './config.js';
import type { NodeIR, PipelineIR } from './pipeline.js';
import type { RunStatus } from './records.js';
import { selectNodes } from './graph.js';
import { launchNode, type NodeOutcome } from './launcher.js';
import { loadComponent } from './load-component.js';
import { recoverAbandoned } from './recovery.js';
import { resolveInputs } from './resolve-inputs.js';
import { recordEarlyFailure } from './publish.js';
import { isResolver } from './resolver.js';
import { runResolverNode } from './run-resolver.js';
import { beginRun, finishRun, type RunHandle } from './run-record.js';

export interface RunOptions {
  noCache?: boolean;
  to?: string;
  only?: string[];
  parallelism?: number;
  /** Folder that relative module paths in cache keys are expressed against (default: the pipeline file's folder). */
  baseDir?: string;
  /** Folder module digests are keyed against (a reproduction's recorded module copies). */
  moduleBaseDir?: string;
  /** For reproductions: the original run id. */
  reproduces?: string;
  /** Nodes whose outputs are taken as recorded instead of executed (reproduce --from-recorded-inputs). */
  reuse?: ReadonlyMap<string, NodeOutcome>;
  runId?: string;
}

export interface RunResult {
  runId: string;
  status: RunStatus;
  nodes: NodeOutcome[];
  configArtifactId: number;
  backend: string;
}

export function newRunId(config: RunnerConfig): string {
  const d = new Date(config.clock()).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${d}-${config.newId().replace(/-/g, '').slice(0, 6)}`;
}

export async function loadComponents(ir: PipelineIR): Promise<Map<string, Component>> {
  const out = new Map<string, Component>();
  for (const n of ir.nodes) out.set(n.id, await loadComponent(n.componentRef));
  return out;
}

export async function runPipeline(ir: PipelineIR, opts: RunOptions, config: RunnerConfig): Promise<RunResult> {
  const { store, logger } = config;
  if (opts.parallelism !== undefined && !(Number.isSafeInteger(opts.parallelism) && opts.parallelism >= 1)) {
    throw new PipelineError('USAGE', `parallelism must be a whole number of at least 1, got ${String(opts.parallelism)}`);
  }
  recoverAbandoned(store);
  const selected = selectNodes(ir, { to: opts.to, only: opts.only });
  const nodes = ir.nodes.filter((n) => selected.has(n.id));
  const components = await loadComponents(ir);
  const baseDir = opts.baseDir ?? (ir.sourceFile ? dirname(ir.sourceFile) : process.cwd());
  const runId = opts.runId ?? newRunId(config);
  const options = { noCache: !!opts.noCache, to: opts.to ?? null, only: opts.only ?? null, parallelism: opts.parallelism ?? null };
  const run = await beginRun({ ir, components, baseDir, runId, options, reproduces: opts.reproduces }, config);
  logger.info({ runId, pipeline: ir.pipelineName, backend: run.environment.backend }, `run ${runId} of ${ir.pipelineName}: ${nodes.length} node(s)`);

  const parallelism = opts.parallelism ?? availableParallelism();
  const done = new Map<string, NodeOutcome>();
  const running = new Map<string, Promise<void>>();
  const pending = [...nodes];
  const upstream = (n: NodeIR): string[] => [...new Set(Object.values(n.inputs).flat().map((c) => c.node))].filter((u) => selected.has(u));

  let stopped: NodeOutcome | undefined;
  const start = (n: NodeIR): void => {
    const p = runOne(n, run, components.get(n.id)!, done, opts, ir, baseDir, config)
      .then((o) => { done.set(n.id, o); if (o.stopRun && !stopped) stopped = o; })
      .finally(() => { running.delete(n.id); });
    running.set(n.id, p);
  };

  while (pending.length || running.size) {
    for (let i = 0; i < pending.length && running.size < parallelism;) {
      const n = pending[i];
      const ups = upstream(n);
      if (!ups.every((u) => done.has(u))) { i++; continue; }
      pending.splice(i, 1);
      if (stopped) {
        done.set(n.id, { id: n.id, type: n.componentName, status: 'skipped', durationMs: 0, outputs: {} });
        logger.warn({ node: n.id }, `${n.id}: skipped (the run was stopped by ${stopped.id})`);
        i = 0;
        continue;
      }
      const bad = ups.find((u) => done.get(u)!.status === 'failed' || done.get(u)!.status === 'skipped');
      if (bad) {
        done.set(n.id, { id: n.id, type: n.componentName, status: 'skipped', durationMs: 0, outputs: {} });
        logger.warn({ node: n.id }, `${n.id}: skipped (upstream ${bad} did not complete)`);
        i = 0;
        continue;
      }
      start(n);
    }
    if (running.size) await Promise.race(running.values());
  }

  const outcomes = nodes.map((n) => done.get(n.id)!);
  const status: RunStatus = stopped || outcomes.some((o) => o.status === 'failed' || o.status === 'skipped') ? 'failed' : 'complete';
  finishRun(store, run, status, config.clock());
  logger.info({ runId, status }, `run ${runId} ${status}`);
  return { runId, status, nodes: outcomes, configArtifactId: run.configArtifactId, backend: run.environment.backend };
}

async function runOne(n: NodeIR, run: RunHandle, component: Component, done: ReadonlyMap<string, NodeOutcome>, opts: RunOptions,
  ir: PipelineIR, baseDir: string, config: RunnerConfig): Promise<NodeOutcome> {
  const scope = {
    runId: run.runId, nodeId: n.id, pipelineName: ir.pipelineName, componentName: component.name,
    contextIds: [run.pipelineContextId, run.runContextId, run.nodeContextIds.get(n.id)!], configArtifactId: run.configArtifactId,
  };
  try {
    const resolving = config.clock();
    const inputs = resolveInputs(config.store, ir.pipelineName, n, done, component);
    const priorSteps = { resolve_inputs: config.clock() - resolving };
    const reused = opts.reuse?.get(n.id);
    if (reused) return await import('./reuse-outputs.js').then((m) => m.recordReused(config, scope, inputs, reused));
    if (isResolver(component)) return runResolverNode(n, component, scope, run.pipelineContextId, inputs, !opts.noCache && n.cache, config);
    return await launchNode({ node: n, component, inputs, scope, pipelineRoot: ir.pipelineRoot, baseDir, moduleBaseDir: opts.moduleBaseDir, useCache: !opts.noCache, priorSteps }, config);
  } catch (e) {
    const err = e instanceof PipelineError ? e : new PipelineError('EXECUTOR_FAILED', `${n.id}: ${(e as Error).message}`, { nodeId: n.id }, { cause: e });
    config.logger.error({ node: n.id, code: err.code }, err.message);
    const executionId = recordEarlyFailure(config.store, scope, err.code, err.message);
    return { id: n.id, type: component.name, status: 'failed', durationMs: 0, executionId, outputs: {}, error: err };
  }
}
