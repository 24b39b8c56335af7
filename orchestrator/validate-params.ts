/**
 * A node's params against its component's ParamSpecs: unknown names, missing required ones, wrong
 * types, path params made absolute (and checked when `mustExist`), defaults applied, and the inside of
 * structured params checked by their spec's `check` (each problem at its key or value).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ErrorPlace } from '../metadata/errors.js';
import type { Component, ParamSpec } from './component.js';
import { rewriteStringAt } from './key-paths.js';
import { problemLine, type ParamCheckContext, type ParamProblem } from './param-check.js';
import type { ProblemList } from './problems.js';
import type { PathSegment } from './raw-pipeline.js';
import { suggestion } from './suggest.js';
import { moduleDigests } from './user-modules.js';

/** Locates a part of the current node: path relative to `components.<id>`. */
export type NodeLocator = (path: readonly PathSegment[], part: 'key' | 'value') => ErrorPlace;

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length ? 'a list' : 'an empty list';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${String(v)}`;
}

function typeOk(spec: ParamSpec, v: unknown): boolean {
  switch (spec.type) {
    case 'string': return typeof v === 'string';
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'boolean': return typeof v === 'boolean';
    case 'object': return isPlainObject(v);
    case 'array': return Array.isArray(v);
    case 'any': return v !== undefined;
  }
}

/** Defaults are data: each node gets its own copy (a default that cannot be cloned is shared as is). */
function copyOf(v: unknown): unknown {
  try {
    return structuredClone(v);
  } catch {
    return v;
  }
}

const KIND_NAME = { file: 'file', dir: 'directory', any: 'path' } as const;

async function checkPath(name: string, spec: ParamSpec, abs: string, shown: string, baseDir: string,
  problems: ProblemList, place: ErrorPlace): Promise<void> {
  const kind = spec.module ? 'file' : spec.path ?? 'any';
  if (!spec.mustExist && !spec.module) return;
  if (!existsSync(abs)) {
    problems.add('MISSING_FILE', place, `param ${name}: ${KIND_NAME[kind]} ${shown} not found (${abs})`);
    return;
  }
  const st = statSync(abs);
  if ((kind === 'file' && !st.isFile()) || (kind === 'dir' && !st.isDirectory())) {
    problems.add('BAD_PARAM', place, `param ${name}: ${shown} is not a ${KIND_NAME[kind]} (${abs})`);
    return;
  }
  // A module param: its imports must resolve (checked without running the user's code).
  if (spec.module) {
    try {
      await moduleDigests(abs, baseDir);
    } catch (e) {
      problems.add('MODULE_LOAD', place, `param ${name}: module ${shown}: ${e instanceof Error ? e.message.replace(`${abs}: `, '') : String(e)}`);
    }
  }
}

/** Resolved params of one node: every declared param with its value or default; unset optional ones omitted. */
export async function validateParams(given: unknown, comp: Component, baseDir: string, at: NodeLocator,
  problems: ProblemList, node: ParamCheckContext = { inputs: [] }): Promise<Record<string, unknown>> {
  if (given !== undefined && given !== null && !isPlainObject(given)) {
    problems.add('PIPELINE_INVALID', at(['params'], 'value'), `params must be a mapping of name → value, got ${describe(given)}`);
    given = {};
  }
  const values = (given ?? {}) as Record<string, unknown>;
  const declared = Object.keys(comp.params);
  for (const name of Object.keys(values)) {
    if (!(name in comp.params)) {
      problems.add('UNKNOWN_PARAM', at(['params', name], 'key'), `unknown param "${name}" for ${comp.name}${suggestion(name, declared)}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(comp.params)) {
    const written = values[name] !== undefined;
    let v = written ? values[name] : copyOf(spec.default);
    const place = written ? at(['params', name], 'value') : at(['params'], 'key');
    if (v === undefined) {
      if (spec.required) problems.add('MISSING_PARAM', place, `missing required param "${name}" (${spec.type}) for ${comp.name}`);
      continue;
    }
    if (!typeOk(spec, v)) {
      problems.add('BAD_PARAM', place, `param ${name} must be ${spec.type === 'integer' || spec.type === 'array' || spec.type === 'object' ? 'an' : 'a'} ${spec.type === 'object' ? 'object (mapping)' : spec.type}, got ${describe(v)}`);
      continue;
    }
    if ((spec.path || spec.module) && typeof v === 'string') {
      const shown = v;
      v = resolve(baseDir, v);
      await checkPath(name, spec, v as string, shown, baseDir, problems, place);
    }
    if (spec.nestedPaths && v && typeof v === 'object') v = resolveNestedPaths(v as Record<string, unknown>, spec.nestedPaths, baseDir);
    for (const p of spec.check ? checkInside(name, spec, v, node) : []) {
      problems.add('BAD_PARAM', written ? at(['params', name, ...p.path], p.at ?? 'value') : place, problemLine([name, ...p.path], p.message));
    }
    out[name] = v;
  }
  return out;
}

/** The problems a param's `check` finds; a check that itself fails is one problem at the param. */
function checkInside(name: string, spec: ParamSpec, v: unknown, node: ParamCheckContext): ParamProblem[] {
  try {
    return spec.check!(v, node);
  } catch (e) {
    return [{ path: [], message: `check failed: ${e instanceof Error ? e.message : String(e)}` }];
  }
}

/** Object params with paths inside (push_destination.filesystem.base_directory): made absolute like path params. */
function resolveNestedPaths(obj: Record<string, unknown>, paths: readonly (readonly string[])[], baseDir: string): Record<string, unknown> {
  const out = structuredClone(obj);
  for (const keys of paths) rewriteStringAt(out, keys, (p) => resolve(baseDir, p));
  return out;
}
