/**
 * The PipelineConfiguration artifact of a run: `pipeline.json` (the frozen IR: absolute paths,
 * every param with defaults), `modules/` (copies of every user module source the run used, with
 * their local imports, relative layout kept), `modules.json` (where they came from) and, written by
 * run-record.ts, `environment.json` (run id, run options, tfx-ts and Node versions, tfjs backend, git commit).
 * Analysis and `reproduce` need only the run id.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep, parse as parsePath } from 'node:path';
import type { Component } from './component.js';
import type { PipelineIR } from './pipeline.js';
import { moduleFiles } from './user-modules.js';

export interface ModulesManifest {
  /** Absolute folder the copies are relative to (common ancestor of the pipeline folder and all modules). */
  base: string;
  /** The pipeline folder, relative to base (posix). */
  pipelineDir: string;
  /** Recorded files, relative to base (posix). */
  files: string[];
}

const posix = (p: string): string => p.split(sep).join('/');

function commonAncestor(paths: string[]): string {
  let base = paths[0];
  for (const p of paths.slice(1)) {
    while (relative(base, p).startsWith('..') && base !== parsePath(base).root) base = dirname(base);
  }
  return base;
}

/** Every user module entry point of the pipeline (component modules and module params). */
export function moduleEntries(ir: PipelineIR, components: ReadonlyMap<string, Component>): string[] {
  const out = new Set<string>();
  for (const n of ir.nodes) {
    if (n.componentRef.kind === 'module') out.add(n.componentRef.path);
    const c = components.get(n.id);
    for (const [k, v] of Object.entries(n.params)) if (c?.params[k]?.module && typeof v === 'string') out.add(v);
  }
  return [...out].sort();
}

export async function writeRunConfiguration(dir: string, ir: PipelineIR, components: ReadonlyMap<string, Component>, baseDir: string): Promise<ModulesManifest> {
  const files = new Set<string>();
  for (const entry of moduleEntries(ir, components)) for (const f of await moduleFiles(entry)) files.add(f);
  const all = [...files].sort();
  const base = commonAncestor([baseDir, ...all]);
  const manifest: ModulesManifest = { base, pipelineDir: posix(relative(base, baseDir)), files: all.map((f) => posix(relative(base, f))) };
  await mkdir(join(dir, 'modules'), { recursive: true });
  for (const rel of manifest.files) {
    const dest = join(dir, 'modules', ...rel.split('/'));
    await mkdir(dirname(dest), { recursive: true });
    await copyFile(join(base, ...rel.split('/')), dest);
  }
  await writeFile(join(dir, 'pipeline.json'), `${JSON.stringify(ir, null, 2)}\n`);
  await writeFile(join(dir, 'modules.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
