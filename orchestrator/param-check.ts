/**
 * Problems inside a structured param (input_config, eval_config, a declarative model, ...), each with the key
 * path where it is. A component's parser throws a ParamProblemError; the executor lets it fail the run, and the
 * spec's `check` (made with `checkerOf` from the same parser) hands its problems to validation, which reports
 * each at the YAML position of that key or value, before anything runs. One set of rules, two moments.
 */
import { PipelineError } from '../metadata/errors.js';
import { suggestion } from './suggest.js';

export type ParamPath = readonly (string | number)[];

export interface ParamProblem {
  /** The key path inside the param, e.g. ['split_config', 'splits', 0, 'hash_bucket']; [] = the param itself. */
  path: ParamPath;
  message: string;
  /** Point at the key of the last path segment (an unknown key) or at its value (default). */
  at?: 'key' | 'value';
}

/** What a check sees of the node besides the value: the input keys wired to it. */
export interface ParamCheckContext {
  inputs: readonly string[];
}

export type ParamCheck = (value: unknown, node: ParamCheckContext) => ParamProblem[];

/** `output_config.split_config.splits[0].hash_bucket` */
export function pathText(path: ParamPath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** The one-line text of a problem; `path` starts with the param's name. */
export function problemLine(path: ParamPath, message: string): string {
  return `param ${pathText(path)}: ${message}`;
}

/**
 * BAD_PARAM at one or more places inside a param. Paths start with the param's name (the parsers are
 * also used under other names, e.g. a run_fn's `fn_args.fit`); the message has one line per problem.
 */
export class ParamProblemError extends PipelineError {
  readonly problems: readonly ParamProblem[];
  constructor(problems: readonly ParamProblem[]) {
    if (problems.length === 0) throw new TypeError('ParamProblemError needs at least one problem');
    super('BAD_PARAM', problems.map((p) => problemLine(p.path, p.message)).join('\n'));
    this.problems = problems;
  }
}

/** One problem at `path` (starting with the param's name). */
export function badAt(path: ParamPath, message: string, at: 'key' | 'value' = 'value'): ParamProblemError {
  return new ParamProblemError([{ path, message, at }]);
}

export interface KnownKeysOptions {
  /** What the message calls a key: "key", "field", "option". */
  noun?: string;
  /** The name a key is known by (e.g. lowerCamelCase → snake_case); default: itself. */
  normalize?: (key: string) => string;
}

/** Throws one problem per key of `obj` (at `path`) not in `known`, each with a did-you-mean or the list of known keys. */
export function checkKnownKeys(obj: Record<string, unknown>, path: ParamPath, known: readonly string[], opts: KnownKeysOptions = {}): void {
  const norm = opts.normalize ?? ((k: string) => k);
  const unknown = Object.keys(obj).filter((k) => !known.includes(norm(k)));
  if (unknown.length === 0) return;
  throw new ParamProblemError(unknown.map((k) => ({
    path: [...path, k], at: 'key' as const, message: `unknown ${opts.noun ?? 'key'}${suggestion(norm(k), known)}`,
  })));
}

/** Maps `fn` over a list inside a param, going on past items with problems; then throws all their problems at once. */
export function mapAll<T, U>(items: readonly T[], fn: (item: T, i: number) => U): U[] {
  const problems: ParamProblem[] = [];
  const out: U[] = [];
  items.forEach((item, i) => {
    try {
      out.push(fn(item, i));
    } catch (e) {
      if (!(e instanceof ParamProblemError)) throw e;
      problems.push(...e.problems);
    }
  });
  if (problems.length > 0) throw new ParamProblemError(problems);
  return out;
}

/** Problems of a parser's error, paths made relative to the param (its name dropped). */
function problemsOfError(e: unknown): ParamProblem[] {
  if (e instanceof ParamProblemError) return e.problems.map((p) => ({ ...p, path: p.path.slice(1) }));
  if (e instanceof PipelineError && e.code === 'BAD_PARAM') return [{ path: [], message: e.message }];
  throw e;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * A path by proto field names (snake_case) → the keys as written in `value`, where a field was written by its
 * lowerCamelCase JSON name, so that the problem can be located in the file.
 */
export function writtenPath(value: unknown, path: ParamPath): ParamPath {
  let cur = value;
  return path.map((seg) => {
    let key = seg;
    if (typeof seg === 'string' && isObject(cur) && !(seg in cur)) {
      const camel = seg.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      if (camel in cur) key = camel;
    }
    cur = isObject(cur) || Array.isArray(cur) ? (cur as Record<string | number, unknown>)[key] : undefined;
    return key;
  });
}

/**
 * A spec's `check` from the parser the executor uses: its problems (none when it parses). `protoNames`: the
 * parser's paths use proto field names, which the check maps to the keys as written (snake or lowerCamelCase).
 */
export function checkerOf(parse: (value: unknown, node: ParamCheckContext) => unknown, opts: { protoNames?: boolean } = {}): ParamCheck {
  return (value, node) => {
    try {
      parse(value, node);
      return [];
    } catch (e) {
      const problems = problemsOfError(e);
      return opts.protoNames ? problems.map((p) => ({ ...p, path: writtenPath(value, p.path) })) : problems;
    }
  };
}
