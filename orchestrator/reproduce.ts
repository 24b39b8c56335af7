/**
 * Reproduce a recorded run: re-execute it from its frozen PipelineConfiguration (recorded module
 * sources, not today's files) with the cache off, as a new run linked to the original, then compare
 * every output's digest. External inputs (fingerprinted params such as ExampleGen's input_base) must
 * still match their recorded digest, unless `fromRecordedInputs` reuses the recorded outputs of
 * the nodes that read them. Destinations outside the store (the Pusher's base_directory) are moved into a
 * sandbox under <pipeline_root>/.reproduce/, so a reproduction never changes what is deployed.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PipelineError } from '../metadata/errors.js';
import type { RunnerConfig } from './config.js';
import type { PipelineIR } from './pipeline.js';
import type { NodeOutcome } from './launcher.js';
import type { CacheKeyParts } from './records.js';
import { ExecProps, RunProps } from './records.js';
import type { ModulesManifest } from './run-config-artifact.js';
import { digestPath } from './fingerprint.js';
import { loadComponents, runPipeline, type RunResult } from './local-runner.js';
import { recordedOutcomes, runConfigUri, runContext } from './run-outputs.js';
import { diffTrees } from './tree-diff.js';
import { isResolver } from './resolver.js';
import { sandboxDestinations } from './reproduce-sandbox.js';

export interface ArtifactComparison {
  node: string;
  output: string;
  originalDigest: string;
  newDigest: string;
  identical: boolean;
  /** For differing artifacts: which files differ, and how. */
  differences?: string[];
}

export interface ReproduceResult {
  runId: string;
  reproducedRunId: string;
  identical: boolean;
  status: RunResult['status'];
  artifacts: ArtifactComparison[];
}

function remapModules(ir: PipelineIR, configUri: string, manifest: ModulesManifest): (p: string) => string {
  const recorded = new Set(manifest.files);
  return (p) => {
    const rel = relative(manifest.base, p).split('\\').join('/');
    return recorded.has(rel) ? join(configUri, 'modules', ...rel.split('/')) : p;
  };
}

export async function reproduceRun(runId: string, opts: { fromRecordedInputs?: boolean; parallelism?: number }, config: RunnerConfig): Promise<ReproduceResult> {
  const { store } = config;
  const ctx = runContext(store, runId);
  const configUri = runConfigUri(store, runId);
  const ir = JSON.parse(readFileSync(join(configUri, 'pipeline.json'), 'utf8')) as PipelineIR;
  const manifest = JSON.parse(readFileSync(join(configUri, 'modules.json'), 'utf8')) as ModulesManifest;
  const remap = remapModules(ir, configUri, manifest);
  const original = await loadComponents(ir);
  for (const n of ir.nodes) {
    if (n.componentRef.kind === 'module') n.componentRef = { kind: 'module', path: remap(n.componentRef.path) };
    const spec = original.get(n.id)!;
    for (const [k, v] of Object.entries(n.params)) if (spec.params[k]?.module && typeof v === 'string') n.params[k] = remap(v);
  }
  const sandbox = join(ir.pipelineRoot, '.reproduce', `${runId}-${randomBytes(3).toString('hex')}`);
  for (const m of sandboxDestinations(ir, original, sandbox)) config.logger.info(`reproduce writes into a sandbox, not the real destination: ${m}`);
  const recorded = recordedOutcomes(store, runId);
  const reuse = new Map<string, NodeOutcome>();
  for (const n of ir.nodes) {
    const spec = original.get(n.id)!;
    const rec0 = recorded.get(n.id);
    // A resolver's choice depends on the store at the time: reproduce the recorded choice.
    if (isResolver(spec) && rec0) { reuse.set(n.id, rec0); continue; }
    const fps = Object.entries(spec.params).filter(([, p]) => p.fingerprint).map(([k]) => k);
    const rec = recorded.get(n.id);
    if (!fps.length || !rec) continue;
    if (opts.fromRecordedInputs) { reuse.set(n.id, rec); continue; }
    const ex = store.getExecution(rec.executionId!);
    const parts = JSON.parse(String(ex?.customProperties[ExecProps.cacheKeyParts] ?? '{}')) as Partial<CacheKeyParts>;
    for (const k of fps) {
      const path = String(n.params[k]);
      const was = parts.external?.[k];
      const now = await digestPath(path).catch(() => 'missing');
      if (was && was !== now) {
        throw new PipelineError('REPRODUCE_INPUT_CHANGED',
          `${n.id}: external input ${k} (${path}) ${now === 'missing' ? 'is missing' : 'changed'} since run ${runId} (recorded ${was.slice(0, 12)}, now ${now.slice(0, 12)}); pass --from-recorded-inputs to reuse the recorded outputs of ${n.id}`,
          { nodeId: n.id, file: path });
      }
    }
  }
  const options = JSON.parse(String(ctx.customProperties[RunProps.options] ?? '{}')) as { to?: string | null; only?: string[] | null };
  const moduleBaseDir = join(configUri, 'modules', ...manifest.pipelineDir.split('/').filter(Boolean));
  const result = await runPipeline(ir, {
    noCache: true, reproduces: runId, reuse, moduleBaseDir, parallelism: opts.parallelism,
    to: options.to ?? undefined, only: options.only ?? undefined,
  }, config);
  const artifacts: ArtifactComparison[] = [];
  for (const o of result.nodes) {
    const before = recorded.get(o.id);
    if (!before) continue;
    for (const [k, ref] of Object.entries(before.outputs)) {
      const now = o.outputs[k];
      const identical = !!now && now.digest === ref.digest;
      const cmp: ArtifactComparison = { node: o.id, output: k, originalDigest: ref.digest, newDigest: now?.digest ?? '', identical };
      if (!identical) cmp.differences = now ? await diffTrees(ref.uri, now.uri) : [`not produced (${o.status})`];
      artifacts.push(cmp);
    }
  }
  const identical = result.status === 'complete' && artifacts.length > 0 && artifacts.every((a) => a.identical);
  return { runId, reproducedRunId: result.runId, identical, status: result.status, artifacts };
}
