/**
 * Reading a TFMA-style JSON config the way protobuf's JSON parser does: every field by its proto name
 * (snake_case) or its lowerCamelCase JSON name; an unknown field is an error (a misspelt threshold must
 * not silently bless a model). Errors are BAD_PARAM (ParamProblemError) at the path inside the param, by
 * proto names, e.g. `eval_config.metrics_specs[0].metrics[1].threshold.value_threshold.lower_bound`.
 */
import { badAt, checkKnownKeys, type ParamPath, type ParamProblemError } from '../../orchestrator/param-check.js';

export type Obj = Record<string, unknown>;

export function bad(path: ParamPath, what: string): ParamProblemError {
  return badAt(path, what);
}

const camel = (snake: string): string => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function asObject(v: unknown, path: ParamPath): Obj {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw bad(path, `expected an object, got ${JSON.stringify(v)}`);
  return v as Obj;
}

export function asArray(v: unknown, path: ParamPath): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw bad(path, `expected a list, got ${JSON.stringify(v)}`);
  return v;
}

/** Fails on any key that is not one of `known` (snake_case) or its camelCase form, each with a did-you-mean. */
export function checkKeys(o: Obj, path: ParamPath, known: readonly string[]): void {
  const byCamel = new Map(known.map((k) => [camel(k), k]));
  checkKnownKeys(o, path, known, { noun: 'field', normalize: (k) => byCamel.get(k) ?? k });
}

/** The value of field `snake` (or its camelCase name); both given → error. */
export function field(o: Obj, snake: string, path: ParamPath): unknown {
  const c = camel(snake);
  if (c !== snake && o[snake] !== undefined && o[c] !== undefined) throw bad([...path, c], `given twice (as ${snake} and ${c})`);
  return o[snake] ?? o[c];
}

/** A double field: a number, or a wrapper {value: number} as TFMA's Python examples write it. */
export function doubleField(o: Obj, snake: string, path: ParamPath): number | undefined {
  const v = field(o, snake, path);
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'object' && !Array.isArray(v) ? (checkKeys(v as Obj, [...path, snake], ['value']), (v as Obj).value) : v;
  if (typeof n !== 'number' || Number.isNaN(n)) throw bad([...path, snake], `expected a number or {"value": number}, got ${JSON.stringify(v)}`);
  return n;
}

export function stringList(v: unknown, path: ParamPath): string[] {
  const list = asArray(v, path);
  list.forEach((s, i) => { if (typeof s !== 'string' || s === '') throw bad([...path, i], `expected a feature name, got ${JSON.stringify(s)}`); });
  return list as string[];
}

/** A param given as an object or as its JSON text (TFX passes JSON strings). */
export function parseJsonParam(v: unknown, name: string): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch (e) {
    throw bad([name], `not valid JSON: ${(e as Error).message}`);
  }
}
