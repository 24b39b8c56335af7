/**
 * Opening and closing a run in the store: pipeline / pipeline_run / node contexts, the run's
 * environment, and its PipelineConfiguration artifact (sealed like any output).
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { MetadataStore } from '../metadata/store.js';
import { ARTIFACT_TYPES } from '../metadata/artifact-types.js';
import type { Component } from './component.js';
import type { RunnerConfig } from './config.js';
import type { PipelineIR } from './pipeline.js';
import { CONTEXT_NODE, CONTEXT_PIPELINE, CONTEXT_RUN, ArtifactProps, RunProps, contextNameForNode, type RunStatus } from './records.js';
import { runEnvironment, type RunEnvironment } from './environment.js';
import { digestPath } from './fingerprint.js';
import { moveIntoPlace } from './seal.js';
import { SELF } from './process-identity.js';
import { writeRunConfiguration } from './run-config-artifact.js';

export interface RunHandle {
  runId: string;
  pipelineContextId: number;
  runContextId: number;
  nodeContextIds: Map<string, number>;
  configArtifactId: number;
  configUri: string;
  environment: RunEnvironment;
}

export interface BeginRunArgs {
  ir: PipelineIR;
  components: ReadonlyMap<string, Component>;
  baseDir: string;
  runId: string;
  options: Record<string, unknown>;
  reproduces?: string;
}

export async function beginRun(a: BeginRunArgs, config: RunnerConfig): Promise<RunHandle> {
  const { store } = config;
  const environment = runEnvironment(a.ir.sourceFile ? dirname(a.ir.sourceFile) : a.baseDir);
  const staging = join(a.ir.pipelineRoot, '.staging', `config-${a.runId}`);
  await writeRunConfiguration(staging, a.ir, a.components, a.baseDir);
  // The artifact alone tells what ran it (the run context carries the same as properties).
  await writeFile(join(staging, 'environment.json'), `${JSON.stringify({ runId: a.runId, options: a.options, ...(a.reproduces ? { reproduces: a.reproduces } : {}), ...environment }, null, 2)}\n`);
  const digest = await digestPath(staging);
  const configUri = join(a.ir.pipelineRoot, '_configuration', a.runId);
  await moveIntoPlace(staging, configUri);
  return store.transaction(() => {
    registerTypes(store, a.components);
    const pipelineContextId = store.putContext(CONTEXT_PIPELINE, a.ir.pipelineName);
    const runContextId = store.putContext(CONTEXT_RUN, a.runId, {
      [RunProps.status]: 'running',
      [RunProps.startMs]: config.clock(),
      [RunProps.pipelineName]: a.ir.pipelineName,
      [RunProps.pipelineFile]: a.ir.sourceFile ?? '',
      [RunProps.tfxTsVersion]: environment.tfxTsVersion,
      [RunProps.nodeVersion]: environment.nodeVersion,
      [RunProps.backend]: environment.backend,
      [RunProps.gitCommit]: environment.gitCommit,
      [RunProps.pid]: SELF.pid,
      runner_pid_start: SELF.start,
      [RunProps.options]: JSON.stringify(a.options),
      ...(a.reproduces ? { [RunProps.reproduces]: a.reproduces } : {}),
    });
    store.setParentContext(runContextId, pipelineContextId);
    const nodeContextIds = new Map<string, number>();
    for (const n of a.ir.nodes) {
      const id = store.putContext(CONTEXT_NODE, contextNameForNode(a.ir.pipelineName, n.id));
      store.setParentContext(id, pipelineContextId);
      nodeContextIds.set(n.id, id);
    }
    const configArtifactId = store.createArtifact({
      type: 'PipelineConfiguration', uri: configUri, state: 'LIVE', name: `${a.runId}.configuration`,
      customProperties: { [ArtifactProps.digest]: digest, [ArtifactProps.tfxVersion]: `tfx-ts-${environment.tfxTsVersion}`, run_id: a.runId },
    });
    store.attribute(pipelineContextId, configArtifactId);
    store.attribute(runContextId, configArtifactId);
    store.updateContext(runContextId, { [RunProps.configArtifactId]: configArtifactId });
    return { runId: a.runId, pipelineContextId, runContextId, nodeContextIds, configArtifactId, configUri, environment };
  });
}

/** Every artifact/execution type the run will write exists in the store (idempotent). */
function registerTypes(store: MetadataStore, components: ReadonlyMap<string, Component>): void {
  for (const t of Object.values(ARTIFACT_TYPES)) store.ensureArtifactType(t.name, t.properties, t.baseType);
  for (const c of components.values()) {
    store.ensureExecutionType(c.name, c.executionBaseType);
    for (const o of [...Object.values(c.outputs), ...Object.values(c.inputs)]) {
      if (!ARTIFACT_TYPES[o.type]) store.ensureArtifactType(o.type);
    }
  }
  for (const ctx of [CONTEXT_PIPELINE, CONTEXT_RUN, CONTEXT_NODE]) store.ensureContextType(ctx);
}

export function finishRun(store: MetadataStore, run: RunHandle, status: RunStatus, endMs: number): void {
  store.updateContext(run.runContextId, { [RunProps.status]: status, [RunProps.endMs]: endMs });
}
