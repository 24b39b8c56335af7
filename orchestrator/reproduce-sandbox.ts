/**
 * Destinations in a reproduction: a param's `destinationPaths` (ParamSpec) name directories a component writes
 * outside its artifacts, such as the Pusher's base_directory. A reproduction must not change what is deployed
 * (a re-push of an older model would become the newest served version: a silent rollback), so each such
 * directory is replaced by `<sandbox>/<node id>/<param>[.<key path>]` before the run.
 */
import { join } from 'node:path';
import type { Component } from './component.js';
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
        if (keys.length === 0) {
          if (typeof n.params[name] !== 'string') continue;
          moved.push(`${n.id}.${where}: ${n.params[name] as string} → ${to}`);
          n.params[name] = to;
          continue;
        }
        let cur = n.params[name] as Record<string, unknown> | undefined;
        for (const k of keys.slice(0, -1)) cur = cur && typeof cur[k] === 'object' && cur[k] ? cur[k] as Record<string, unknown> : undefined;
        const last = keys[keys.length - 1];
        if (cur && typeof cur[last] === 'string') {
          moved.push(`${n.id}.${where}: ${cur[last] as string} → ${to}`);
          cur[last] = to;
        }
      }
    }
  }
  return moved;
}
