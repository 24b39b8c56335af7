/**
 * Launcher: one node, start to end. Resolve inputs (given by the runner) → cache key → on a hit
 * record a CACHED execution pointing at the same artifacts; on a miss execute in a staging folder
 * (separate process), digest each output, seal and move it to
 * `<pipeline_root>/<node_id>/<output_key>/<execution_id>/`, publish in one transaction. A failure
 * publishes nothing: FAILED execution, ABANDONED outputs, staging removed.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PipelineError } from '../metadata/errors.js';
import type { ArtifactRecord } from '../metadata/store.js';
import type { Component, InputArtifact } from './component.js';
import type { RunnerConfig } from './config.js';
import type { NodeIR } from './pipeline.js';
import type { NodeStatus } from './records.js';
import { ArtifactProps } from './records.js';
import { cacheKeyOf, computeCacheKeyParts } from './cache-key.js';
import { canonicalJson } from './canonical-json.js';
import { findCacheHit } from './cache-lookup.js';
import { digestPath } from './fingerprint.js';
import { runInProcess } from './executor-process.js';
import { publishFailure, publishSuccess, recordCacheHit, startExecution, type ExecScope, type PublishedOutput, type ResolvedInputs } from './publish.js';
import { moveIntoPlace, removeQuietly } from './seal.js';
import { progressReporter } from './progress.js';
import { StepTimes } from './step-times.js';

export interface OutputRef { artifactId: number; type: string; uri: string; digest: string }

export interface NodeOutcome {
  id: string;
  type: string;
  status: NodeStatus;
  durationMs: number;
  executionId?: number;
  outputs: Record<string, OutputRef>;
  error?: PipelineError;
  /** Set when the node completed but asks the run to stop after it (ExampleValidator with fail_on_anomalies). */
  stopRun?: PipelineError;
}

export interface LaunchArgs {
  node: NodeIR;
  component: Component;
  inputs: ResolvedInputs;
  scope: ExecScope;
  pipelineRoot: string;
  baseDir: string;
  moduleBaseDir?: string;
  useCache: boolean;
  /** Steps the runner already timed for this node (resolve_inputs), in ms. */
  priorSteps?: Record<string, number>;
}

const toRef = (a: ArtifactRecord): OutputRef => ({ artifactId: a.id, type: a.type, uri: a.uri, digest: String(a.customProperties[ArtifactProps.digest] ?? '') });

const toInput = (a: ArtifactRecord): InputArtifact => ({
  id: a.id, type: a.type, uri: a.uri, digest: String(a.customProperties[ArtifactProps.digest] ?? ''),
  properties: a.properties, customProperties: a.customProperties,
});

/**
 * An output with custom properties fail_on_anomalies=1 and anomalies_found>0 stops the run after this
 * node; its `report.txt` (if any) is the readable report. A cache hit on such outputs stops the run too:
 * the data still failed validation.
 */
async function stopRequest(nodeId: string, published: Record<string, { customProperties?: Record<string, unknown> }>, refs: Record<string, OutputRef>): Promise<PipelineError | undefined> {
  for (const [k, o] of Object.entries(published)) {
    const found = Number(o.customProperties?.anomalies_found ?? 0);
    if (o.customProperties?.fail_on_anomalies !== 1 || !(found > 0)) continue;
    const report = await readFile(join(refs[k].uri, 'report.txt'), 'utf8').catch(() => '');
    return new PipelineError('ANOMALIES_FOUND',
      `${nodeId}: ${found} anomal${found === 1 ? 'y' : 'ies'} found and fail_on_anomalies is set; the run stops here (artifact #${refs[k].artifactId})${report ? `\n${report.trimEnd()}` : ''}`,
      { nodeId, artifactId: refs[k].artifactId });
  }
  return undefined;
}

export async function launchNode(args: LaunchArgs, config: RunnerConfig): Promise<NodeOutcome> {
  const { node, component, inputs, scope } = args;
  const { store, logger } = config;
  const t0 = config.clock();
  const steps = new StepTimes(config.clock, t0, args.priorSteps);
  const inputDigests = Object.fromEntries(Object.entries(inputs).map(([k, arts]) => [k, arts.map((a) => String(a.customProperties[ArtifactProps.digest]))]));
  const parts = await computeCacheKeyParts({ node, component, inputDigests, baseDir: args.baseDir, moduleBaseDir: args.moduleBaseDir });
  const key = cacheKeyOf(parts);
  const partsJson = canonicalJson(parts);
  const outputKeys = Object.keys(component.outputs);
  const base = { id: node.id, type: component.name };
  steps.lap('cache_key');

  if (args.useCache && node.cache) {
    const hit = findCacheHit(store, key, outputKeys);
    steps.lap('cache_lookup');
    if (hit) {
      const executionId = recordCacheHit(store, scope, inputs, key, partsJson, hit.executionId, hit.outputs, config.clock() - t0);
      steps.record(store, executionId, 'record_cache_hit');
      logger.info({ node: node.id, from: hit.executionId }, `${node.id}: cached`);
      const outputs = Object.fromEntries(Object.entries(hit.outputs).map(([k, a]) => [k, toRef(a)]));
      const stopRun = await stopRequest(node.id, hit.outputs, outputs);
      return { ...base, status: 'cached', durationMs: config.clock() - t0, executionId, outputs, ...(stopRun ? { stopRun } : {}) };
    }
  }

  const stagingRoot = (execId: number): string => join(args.pipelineRoot, '.staging', String(execId));
  const outputTypes = Object.fromEntries(Object.entries(component.outputs).map(([k, o]) => [k, o.type]));
  const started = startExecution(store, scope, inputs, key, partsJson, outputTypes,
    (execId, k) => join(args.pipelineRoot, node.id, k, String(execId)), stagingRoot);
  const staging = stagingRoot(started.executionId);
  steps.lap('start_execution');
  logger.info({ node: node.id, execution: started.executionId }, `${node.id}: running ${component.name}`);
  try {
    const outputs = Object.fromEntries(outputKeys.map((k) => [k, { type: outputTypes[k], uri: join(staging, 'out', k) }]));
    for (const o of Object.values(outputs)) await mkdir(o.uri, { recursive: true });
    const tmpDir = join(staging, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const progress = progressReporter(logger, node.id, config.clock);
    const result = await runInProcess({
      type: 'run', componentRef: node.componentRef, nodeId: node.id, component: component.name,
      inputs: Object.fromEntries(Object.entries(inputs).map(([k, arts]) => [k, arts.map(toInput)])),
      outputs, params: node.params, tmpDir,
    }, {
      onLog: (level, msg, fields) => logger[level]({ node: node.id, ...fields }, `${node.id}: ${msg}`),
      onProgress: progress,
    });
    steps.lap('execute');
    const published: Record<string, PublishedOutput> = {};
    for (const k of outputKeys) {
      published[k] = { ...result[k], digest: await digestPath(outputs[k].uri) };
      await moveIntoPlace(outputs[k].uri, started.artifacts[k].uri);
    }
    await removeQuietly(staging);
    steps.lap('digest_and_seal');
    const durationMs = config.clock() - t0;
    publishSuccess(store, started, published, durationMs, `tfx-ts-${config.tfxTsVersion}`);
    steps.record(store, started.executionId, 'publish');
    logger.info({ node: node.id, durationMs }, `${node.id}: complete in ${durationMs} ms`);
    const refs = Object.fromEntries(outputKeys.map((k) => [k, { artifactId: started.artifacts[k].id, type: outputTypes[k], uri: started.artifacts[k].uri, digest: published[k].digest }]));
    const stopRun = await stopRequest(node.id, published, refs);
    return { ...base, status: 'complete', durationMs, executionId: started.executionId, outputs: refs, ...(stopRun ? { stopRun } : {}) };
  } catch (e) {
    const err = e instanceof PipelineError ? e
      : new PipelineError('EXECUTOR_FAILED', `${node.id}: ${(e as Error).message}`, { nodeId: node.id }, { cause: e });
    for (const a of Object.values(started.artifacts)) await removeQuietly(a.uri);
    await removeQuietly(staging);
    const durationMs = config.clock() - t0;
    steps.lap('fail_and_clean_up');
    publishFailure(store, started, err.code, err.message, durationMs);
    steps.record(store, started.executionId, 'record_failure');
    logger.error({ node: node.id, code: err.code }, `${node.id}: failed: ${err.message}`);
    return { ...base, status: 'failed', durationMs, executionId: started.executionId, outputs: {}, error: err };
  }
}
