/**
 * User code: loading a user's module (.ts through tsx, .js/.mjs natively), finding the component it
 * exports, and digesting its source plus every local file it imports (part of the cache key).
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PipelineError } from '../metadata/errors.js';
import { isComponent, type Component } from './component.js';

const TS_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx']);
export const MODULE_EXTENSIONS = new Set([...TS_EXTENSIONS, '.js', '.mjs', '.cjs']);

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'unknown error';
}

/** esbuild's first error (its message is only "Build failed with N errors:"), with where it is. */
function buildFailure(e: unknown): string {
  const first = (e as { errors?: { text?: string; location?: { file: string; line: number; column: number } | null }[] }).errors?.[0];
  if (!first?.text) return firstLine(e);
  const at = first.location ? ` (${first.location.file}:${first.location.line}:${first.location.column + 1})` : '';
  return `${first.text}${at}`;
}

/** Imports a user module. Every failure (missing file, syntax error, throw at load) is MODULE_LOAD. */
export async function loadUserModule(path: string): Promise<Record<string, unknown>> {
  const file = resolve(path);
  if (!existsSync(file)) throw new PipelineError('MODULE_LOAD', `${file}: module not found`, { file });
  try {
    const url = pathToFileURL(file).href;
    // tsImport loads each call in a fresh namespace, so an edited module is never served stale.
    const mod: unknown = TS_EXTENSIONS.has(extname(file)) ? await (await import('tsx/esm/api')).tsImport(url, import.meta.url) : await import(url);
    return mod as Record<string, unknown>;
  } catch (e) {
    throw new PipelineError('MODULE_LOAD', `${file}: cannot load module: ${firstLine(e)}`, { file }, { cause: e });
  }
}

/**
 * The component a user module provides: its default export if that is one, else its only distinct
 * named export made with defineComponent.
 */
export function findComponentExport(mod: Record<string, unknown>, file: string): Component {
  if (isComponent(mod.default)) return mod.default;
  const found = new Map<Component, string>();
  for (const [name, value] of Object.entries(mod)) if (isComponent(value) && !found.has(value)) found.set(value, name);
  if (found.size === 1) return [...found.keys()][0];
  if (found.size > 1) {
    throw new PipelineError('MODULE_LOAD', `${file}: exports several components (${[...found.values()].join(', ')}); export the one to use as default`, { file });
  }
  throw new PipelineError('MODULE_LOAD', `${file}: exports no component made with defineComponent`, { file });
}

/**
 * The module and every local file it imports, transitively (packages from node_modules and node builtins
 * excluded), as sorted absolute paths. The import graph comes from esbuild's resolver (static imports,
 * re-exports, literal dynamic imports), not from pattern matching.
 */
export async function moduleFiles(entry: string): Promise<string[]> {
  const file = resolve(entry);
  if (!existsSync(file)) throw new PipelineError('MISSING_FILE', `${file}: module not found`, { file });
  const workDir = dirname(file);
  let inputs: string[];
  try {
    // esbuild and tsx load lazily: only pipelines with user modules pay their start-up cost.
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [file], absWorkingDir: workDir, bundle: true, write: false, metafile: true,
      packages: 'external', platform: 'node', format: 'esm', logLevel: 'silent',
    });
    inputs = Object.keys(result.metafile.inputs);
  } catch (e) {
    throw new PipelineError('MODULE_LOAD', `${file}: cannot follow its imports: ${buildFailure(e)}`, { file }, { cause: e });
  }
  const files = inputs
    .filter((p) => !/^[a-z-]+:/i.test(p) || isAbsolute(p)) // skip virtual "namespace:path" inputs
    .map((p) => resolve(workDir, p))
    .filter((p) => !p.split(sep).includes('node_modules'));
  return [...new Set(files)].sort();
}

/**
 * sha256 of the module and of every local file it imports (see moduleFiles), keyed by path relative to
 * `baseDir` with '/' separators, in sorted order.
 */
export async function moduleDigests(entry: string, baseDir: string): Promise<Record<string, string>> {
  const entries: [string, string][] = [];
  for (const abs of await moduleFiles(resolve(baseDir, entry))) {
    const rel = relative(baseDir, abs).split(sep).join('/');
    entries.push([rel, createHash('sha256').update(await readFile(abs)).digest('hex')]);
  }
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
