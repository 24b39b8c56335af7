/**
 * Destinations in a reproduction: a param's `destinationPaths` (ParamSpec) name directories a component writes
 * outside its artifacts, such as the Pusher's base_directory. A reproduction must not change what is deployed
 * (a re-push of an older model would become the newest served version: a silent rollback), so each such
 * directory is replaced by `<sandbox>/<node id>/<param>[.<key path>]` before the run.
 */
import { join } from 'node:path';
import type { Component } from './component.js';
import { rewriteStringAt } from './key-paths.js';
import type { PipelineIR } from './pipeline.js';

/** Rewrites the IR's destination params in place; returns "node.param.path: old → new" for each one moved. */
export function sandboxDestinations(ir: PipelineIR, components: ReadonlyMap<string, Component>, sandbox: string): string[] {
  const moved: string[] = [];
  for (const n of ir.nodes) {
    const spec = components.get(n.id);
    for (const [name, p] of Object.entries(spec?.params ?? {})) {
      for (const keys of p.destinationPaths ?? []) {
        const where = [name, ...keys].join('.');
        const to = join(sandbox, n.id, where);
        const old = rewriteStringAt(n.params, [name, ...keys], () => to);
        if (old !== undefined) moved.push(`${n.id}.${where}: ${old} → ${to}`);
      }
    }
  }
  return moved;
}
