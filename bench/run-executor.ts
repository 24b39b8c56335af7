/**
 * runExecutor: any component's executor called directly (no orchestrator, no store), the way the launcher
 * calls it: a fresh folder per output under `outDir/<key>`, a tmp folder, declared param defaults under the
 * given params. Log lines go to `onLog` (benchmarks read counts from them); returns the output uris,
 * what the executor returned and its wall time.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Component, ExecutorResult, InputArtifact } from '../orchestrator/component.js';

export interface ExecutorRun {
  uris: Record<string, string>;
  result: ExecutorResult;
  ms: number;
}

export type LogHook = (msg: string, fields?: Record<string, unknown>) => void;

let nextId = 1;

/** An input artifact as the launcher hands it over (digest left empty: executors do not read it). */
export function inputArtifact(type: string, uri: string, result?: ExecutorResult[string]): InputArtifact {
  return { id: nextId++, type, uri, digest: '', properties: result?.properties ?? {}, customProperties: result?.customProperties ?? {} };
}

export async function runExecutor(
  c: Component, outDir: string, inputs: Record<string, InputArtifact[]>, params: Record<string, unknown>, onLog: LogHook = () => {},
): Promise<ExecutorRun> {
  const outputs = Object.fromEntries(Object.entries(c.outputs).map(([k, o]) => [k, { type: o.type, uri: join(outDir, k) }]));
  for (const o of Object.values(outputs)) mkdirSync(o.uri, { recursive: true });
  const tmpDir = join(outDir, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const resolved: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(c.params)) if (p.default !== undefined) resolved[k] = p.default;
  Object.assign(resolved, params);
  const t0 = performance.now();
  const result = (await c.executor({
    nodeId: c.name, component: c.name, inputs, outputs, params: resolved, tmpDir,
    log: { info: onLog, warn: onLog, debug: () => {} },
    progress: () => {},
  })) ?? {};
  const ms = performance.now() - t0;
  return { uris: Object.fromEntries(Object.entries(outputs).map(([k, o]) => [k, o.uri])), result, ms };
}
