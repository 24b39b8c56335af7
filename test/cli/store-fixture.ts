/**
 * Builds metadata stores by hand for CLI tests, writing exactly what orchestrator/records.ts says a
 * run writes: pipeline / pipeline_run / node contexts, a PipelineConfiguration artifact with
 * pipeline.json, executions named `<run>.<node>` with their key parts, INPUT/OUTPUT events.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArtifactStateName, ExecutionStateName, MetadataStore } from '../../metadata/store.js';
import { openSqliteStore } from '../../metadata/sqlite/sqlite-store.js';
import { ensureStandardTypes } from '../../metadata/standard-types.js';
import type { Properties } from '../../orchestrator/component.js';
import type { NodeIR, PipelineIR } from '../../orchestrator/pipeline.js';
import { cacheKeyOf } from '../../orchestrator/cache-key.js';
import { canonicalJson } from '../../orchestrator/canonical-json.js';
import { sha256Hex } from '../../orchestrator/fingerprint.js';
import { SELF } from '../../orchestrator/process-identity.js';
import {
  ArtifactProps, CONFIG_EVENT_KEY, CONTEXT_NODE, CONTEXT_PIPELINE, CONTEXT_RUN, ExecProps, RunProps,
  contextNameForNode, executionName, type CacheKeyParts, type RunStatus,
} from '../../orchestrator/records.js';
import { captureIO, type CommandIO } from '../../cli/io.js';
import { tempDir } from '../helpers.js';

export interface FxNode { id: string; component: string; inputs?: Record<string, string[]>; params?: Record<string, unknown>; cache?: boolean }

export interface FxRun { runId: string; pipelineName: string; contextIds: number[]; runCtx: number; configId: number }

export interface FxExec {
  node: string;
  component: string;
  state: ExecutionStateName;
  inputs?: Record<string, number[]>;
  outputs?: Record<string, number>;
  parts?: CacheKeyParts;
  durationMs?: number;
  error?: string;
  cachedFrom?: number;
  /** Per-step times (ms), recorded as the `steps` struct property as the launcher does. */
  steps?: Record<string, number>;
}

/** Key parts with defaults: component name/version, no params, inputs, modules or external inputs. */
export const parts = (component: string, p: Partial<CacheKeyParts> = {}): CacheKeyParts =>
  ({ component, version: '1', params: {}, inputs: {}, modules: {}, external: {}, ...p });

export class StoreFixture {
  readonly store: MetadataStore;
  private seq = 0;
  constructor(readonly dir: string = tempDir('tfx-ts-cli-')) {
    this.store = openSqliteStore(this.path);
    ensureStandardTypes(this.store);
  }

  get path(): string { return join(this.dir, 'metadata.sqlite'); }

  /** An artifact whose uri holds `files` (relative path → content); digest = sha256 of its sorted files. */
  artifact(type: string, files: Record<string, string> = {}, o: { state?: ArtifactStateName; properties?: Properties; customProperties?: Properties; uri?: string } = {}): number {
    const uri = o.uri ?? join(this.dir, 'artifacts', `${type}-${++this.seq}`);
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(join(uri, rel, '..'), { recursive: true });
      writeFileSync(join(uri, rel), text);
    }
    const digest = sha256Hex(canonicalJson(Object.entries(files).sort()) + uri);
    return this.store.createArtifact({ type, uri, state: o.state ?? 'LIVE', properties: o.properties,
      customProperties: { [ArtifactProps.digest]: digest, [ArtifactProps.tfxVersion]: 'tfx-ts-0.1.0', ...o.customProperties } });
  }

  /** Opens a run: contexts, environment, options and its frozen pipeline (nodes in the given order). */
  beginRun(runId: string, nodes: FxNode[], o: { startMs: number; options?: Record<string, unknown>; reproduces?: string; live?: boolean }): FxRun {
    const pipelineName = 'taxi';
    const ir: PipelineIR = {
      pipelineName, pipelineRoot: join(this.dir, 'root'), metadataPath: this.path,
      nodes: nodes.map((n): NodeIR => ({
        id: n.id, type: n.component, componentRef: { kind: 'builtin', name: n.component }, componentName: n.component, componentVersion: '1',
        inputs: Object.fromEntries(Object.entries(n.inputs ?? {}).map(([k, ups]) => [k, ups.map((u) => ({ node: u, output: k }))])),
        params: n.params ?? {}, cache: n.cache ?? true,
      })),
    };
    const configId = this.artifact('PipelineConfiguration', { 'pipeline.json': JSON.stringify(ir) }, { customProperties: { run_id: runId } });
    const pipelineCtx = this.store.putContext(CONTEXT_PIPELINE, pipelineName);
    const runCtx = this.store.putContext(CONTEXT_RUN, runId, {
      [RunProps.status]: 'running', [RunProps.startMs]: o.startMs, [RunProps.pipelineName]: pipelineName,
      [RunProps.tfxTsVersion]: '0.1.0', [RunProps.nodeVersion]: 'v20.19.0', [RunProps.backend]: 'wasm', [RunProps.gitCommit]: 'abc1234',
      [RunProps.configArtifactId]: configId, [RunProps.options]: JSON.stringify(o.options ?? { noCache: false, to: null, only: null }),
      ...(o.live ? { [RunProps.pid]: SELF.pid, runner_pid_start: SELF.start } : {}),
      ...(o.reproduces ? { [RunProps.reproduces]: o.reproduces } : {}),
    });
    this.store.setParentContext(runCtx, pipelineCtx);
    for (const id of [pipelineCtx, runCtx]) this.store.attribute(id, configId);
    for (const n of nodes) this.store.setParentContext(this.store.putContext(CONTEXT_NODE, contextNameForNode(pipelineName, n.id)), pipelineCtx);
    return { runId, pipelineName, contextIds: [pipelineCtx, runCtx], runCtx, configId };
  }

  /** Records one execution of a node in a run, with its events and associations. */
  execution(run: FxRun, x: FxExec): number {
    const s = this.store;
    s.ensureExecutionType(x.component);
    const nodeCtx = s.putContext(CONTEXT_NODE, contextNameForNode(run.pipelineName, x.node));
    const p = x.parts ?? parts(x.component);
    const id = s.createExecution({
      type: x.component, state: x.state, name: executionName(run.runId, x.node),
      customProperties: {
        [ExecProps.nodeId]: x.node, [ExecProps.runId]: run.runId, [ExecProps.pipelineName]: run.pipelineName,
        [ExecProps.cacheKey]: cacheKeyOf(p), [ExecProps.cacheKeyParts]: canonicalJson(p), [ExecProps.durationMs]: x.durationMs ?? 0,
        ...(x.error ? { [ExecProps.error]: x.error, [ExecProps.errorCode]: 'EXECUTOR_FAILED' } : {}),
        ...(x.cachedFrom !== undefined ? { [ExecProps.cachedFrom]: x.cachedFrom } : {}),
        ...(x.steps ? { steps: x.steps } : {}),
      },
    });
    for (const c of [...run.contextIds, nodeCtx]) s.associate(c, id);
    for (const [key, ids] of Object.entries(x.inputs ?? {})) ids.forEach((a, index) => s.putEvent({ artifactId: a, executionId: id, type: 'INPUT', key, index }));
    s.putEvent({ artifactId: run.configId, executionId: id, type: 'INPUT', key: CONFIG_EVENT_KEY, index: 0 });
    for (const [key, a] of Object.entries(x.outputs ?? {})) {
      s.putEvent({ artifactId: a, executionId: id, type: 'OUTPUT', key, index: 0 });
      for (const c of [...run.contextIds, nodeCtx]) s.attribute(c, a);
    }
    return id;
  }

  finishRun(run: FxRun, status: RunStatus, endMs: number): void {
    this.store.updateContext(run.runCtx, { [RunProps.status]: status, [RunProps.endMs]: endMs });
  }

  digest(id: number): string { return String(this.store.getArtifact(id)?.customProperties[ArtifactProps.digest]); }
}

/** Runs a command with captured output: exit code, stdout joined, and stdout parsed when it is JSON. */
export async function runCommand<A>(cmd: (args: A, io: CommandIO) => Promise<number>, args: A): Promise<{ code: number; out: string; stdoutWrites: number }> {
  const io = captureIO();
  const code = await cmd(args, io);
  return { code, out: io.stdout.join('\n'), stdoutWrites: io.stdout.length };
}
