/**
 * input_config / output_config as TFX users write them (example_gen.proto's JSON form, with
 * snake_case or lowerCamelCase keys, as an object or a JSON string), validated by TFX's rules:
 * split names non-empty and unique; an output split_config needs exactly one input split and
 * hash_buckets > 0; without one, the output splits are the input splits.
 */
import { PipelineError } from '../../metadata/errors.js';
import { badAt, checkerOf, checkKnownKeys, mapAll, type ParamPath } from '../../orchestrator/param-check.js';

export interface InputSplit { name: string; pattern: string }

export type SplitPlan =
  | { mode: 'hash'; input: InputSplit; names: string[]; /** cumulative bucket bounds */ buckets: number[]; partitionFeature?: string }
  | { mode: 'input'; splits: InputSplit[]; names: string[] };

export const DEFAULT_INPUT_CONFIG = { splits: [{ name: 'single_split', pattern: '*' }] };
export const DEFAULT_OUTPUT_CONFIG = { split_config: { splits: [{ name: 'train', hash_buckets: 2 }, { name: 'eval', hash_buckets: 1 }] } };

const NAME_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

function bad(msg: string): PipelineError {
  return new PipelineError('BAD_PARAM', msg);
}

function asObject(v: unknown, path: ParamPath): Record<string, unknown> {
  if (typeof v === 'string') {
    try { v = JSON.parse(v); } catch { throw badAt(path, 'is not valid JSON'); }
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw badAt(path, 'must be an object');
  return v as Record<string, unknown>;
}

const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Reads `obj[snake] ?? obj[camel]`, rejecting keys the proto does not have. */
function fields(obj: Record<string, unknown>, path: ParamPath, allowed: string[]): Record<string, unknown> {
  checkKnownKeys(obj, path, allowed, { noun: 'field', normalize: snake });
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[snake(k)] = v;
  return out;
}

function splitName(v: unknown, path: ParamPath, seen: Set<string>): string {
  const at = [...path, 'name'];
  if (typeof v !== 'string' || v === '') throw badAt(at, 'a split needs a non-empty name');
  if (!NAME_RE.test(v)) throw badAt(at, `split name "${v}" may only use letters, digits, _ . -`);
  if (seen.has(v)) throw badAt(at, `split name "${v}" appears twice`);
  seen.add(v);
  return v;
}

export function parseInputConfig(raw: unknown): InputSplit[] {
  const root = ['input_config'];
  const obj = asObject(raw ?? DEFAULT_INPUT_CONFIG, root);
  const cfg = fields(obj, root, ['splits']);
  const splits = cfg.splits;
  if (!Array.isArray(splits) || splits.length === 0) throw badAt([...root, 'splits'], 'needs at least one split');
  const seen = new Set<string>();
  return mapAll(splits, (s, i) => {
    const path = [...root, 'splits', i];
    const o = asObject(s, path);
    const f = fields(o, path, ['name', 'pattern']);
    const name = splitName(f.name, path, seen);
    const at = [...path, 'pattern'];
    if (typeof f.pattern !== 'string' || f.pattern === '') throw badAt(at, `split "${name}" needs a pattern`);
    if (/\{(SPAN|VERSION|YYYY|MM|DD)(:\d+)?\}/.test(f.pattern)) throw badAt(at, `split "${name}": {SPAN}/{VERSION}/date patterns are not supported`);
    return { name, pattern: f.pattern };
  });
}

interface OutputConfig { splits: { name: string; hashBuckets: number }[]; partitionFeature?: string }

export function parseOutputConfig(raw: unknown): OutputConfig {
  const root = ['output_config'];
  const obj = asObject(raw ?? {}, root);
  const cfg = fields(obj, root, ['split_config']);
  if (cfg.split_config === undefined || cfg.split_config === null) return { splits: [] };
  const scPath = [...root, 'split_config'];
  const scObj = asObject(cfg.split_config, scPath);
  const sc = fields(scObj, scPath, ['splits', 'partition_feature_name']);
  const list = sc.splits ?? [];
  if (!Array.isArray(list)) throw badAt([...scPath, 'splits'], 'must be a list');
  const seen = new Set<string>();
  const splits = mapAll(list, (s, i) => {
    const path = [...scPath, 'splits', i];
    const o = asObject(s, path);
    const f = fields(o, path, ['name', 'hash_buckets']);
    const name = splitName(f.name, path, seen);
    const hb = typeof f.hash_buckets === 'string' && /^\d+$/.test(f.hash_buckets) ? Number(f.hash_buckets) : f.hash_buckets;
    if (typeof hb !== 'number' || !Number.isInteger(hb) || hb <= 0 || hb > 0xffffffff) {
      throw badAt([...path, 'hash_buckets'], `split "${name}" needs hash_buckets, a positive integer`);
    }
    return { name, hashBuckets: hb };
  });
  const pf = sc.partition_feature_name;
  if (pf !== undefined && pf !== '' && typeof pf !== 'string') throw badAt([...scPath, 'partition_feature_name'], 'must be a string');
  return { splits, partitionFeature: pf ? (pf as string) : undefined };
}

/** For the spec: the problems inside input_config / output_config, found by the executor's parsers. */
export const checkInputConfig = checkerOf(parseInputConfig, { protoNames: true });
export const checkOutputConfig = checkerOf(parseOutputConfig, { protoNames: true });

function isDefaultOutput(raw: unknown): boolean {
  try {
    return JSON.stringify(parseOutputConfig(raw)) === JSON.stringify(parseOutputConfig(DEFAULT_OUTPUT_CONFIG));
  } catch {
    return false;
  }
}

/**
 * The split plan. As TFX derives its default output_config from the input_config, the default
 * 2:1 hash split applies to a single input split only; with several, output splits = input splits.
 */
export function planSplits(inputConfig: unknown, outputConfig: unknown): SplitPlan {
  const inputs = parseInputConfig(inputConfig);
  const useInputSplits = inputs.length > 1 && (outputConfig === undefined || outputConfig === null || isDefaultOutput(outputConfig));
  const out = useInputSplits ? { splits: [] } : parseOutputConfig(outputConfig);
  if (out.splits.length === 0) return { mode: 'input', splits: inputs, names: inputs.map((s) => s.name) };
  if (inputs.length !== 1) throw bad(`output_config: a split_config needs exactly one input split, input_config has ${inputs.length}`);
  const buckets: number[] = [];
  let total = 0;
  for (const s of out.splits) buckets.push((total += s.hashBuckets));
  if (total > 2 ** 44) throw bad(`output_config: ${total} hash buckets in all is too many (at most 2^44)`);
  return { mode: 'hash', input: inputs[0], names: out.splits.map((s) => s.name), buckets, partitionFeature: out.partitionFeature };
}
