/**
 * splits_config (TFX's SplitsConfig: analyze / transform split lists) resolved against the examples' split_names.
 * Default as TFX: analyze ["train"]; transform: every split of the examples.
 */
import { PipelineError } from '../../metadata/errors.js';
import type { InputArtifact } from '../../orchestrator/component.js';
import { badAt, checkerOf, checkKnownKeys } from '../../orchestrator/param-check.js';

export interface SplitsConfig {
  analyze: string[];
  transform: string[];
}

const ROOT = ['splits_config'];

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : undefined;
}

/** The examples' split names (property split_names, a JSON list). */
export function exampleSplits(a: InputArtifact): string[] {
  const raw = a.properties.split_names;
  let list: unknown;
  try {
    list = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    list = undefined;
  }
  const names = stringList(list);
  if (!names) throw new PipelineError('MISSING_INPUT', `examples artifact ${a.id} (${a.uri}) has no valid split_names property (got ${JSON.stringify(raw)})`, { artifactId: a.id });
  return names;
}

/** The param as written (an object or its JSON text): its analyze / transform lists, undefined where not given. */
export function parseSplitsConfig(param: unknown): Partial<SplitsConfig> {
  let v = param;
  if (typeof v === 'string' && v.trim() !== '') {
    try {
      v = JSON.parse(v);
    } catch {
      throw badAt(ROOT, `not valid JSON: ${v}`);
    }
  }
  if (v === undefined || v === null || v === '') return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw badAt(ROOT, `must be an object like {"analyze": ["train"], "transform": ["train", "eval"]}, got ${JSON.stringify(v)}`);
  const o = v as Record<string, unknown>;
  checkKnownKeys(o, ROOT, ['analyze', 'transform']);
  const analyze = o.analyze === undefined ? undefined : stringList(o.analyze);
  const transform = o.transform === undefined ? undefined : stringList(o.transform);
  if (o.analyze !== undefined && (!analyze || analyze.length === 0)) throw badAt([...ROOT, 'analyze'], `must be a non-empty list of split names, got ${JSON.stringify(o.analyze)}`);
  if (o.transform !== undefined && !transform) throw badAt([...ROOT, 'transform'], `must be a list of split names, got ${JSON.stringify(o.transform)}`);
  for (const [what, list] of [['analyze', analyze], ['transform', transform]] as const) {
    if (list && new Set(list).size !== list.length) throw badAt([...ROOT, what], `lists a split twice: ${JSON.stringify(list)}`);
  }
  return { ...(analyze ? { analyze } : {}), ...(transform ? { transform } : {}) };
}

/** For the spec: the problems of splits_config that do not depend on the examples. */
export const checkSplitsConfig = checkerOf(parseSplitsConfig);

export function resolveSplitsConfig(param: unknown, available: string[]): SplitsConfig {
  const p = parseSplitsConfig(param);
  return { analyze: p.analyze ?? ['train'], transform: p.transform ?? [...available] };
}

/** Every named split must exist in the examples. */
export function checkSplits(config: SplitsConfig, available: string[]): void {
  for (const [what, list] of [['analyze', config.analyze], ['transform', config.transform]] as const) {
    const unknown = list.filter((s) => !available.includes(s));
    if (unknown.length > 0) {
      throw new PipelineError('BAD_PARAM', `splits_config.${what}: no split ${unknown.map((s) => `"${s}"`).join(', ')} in the examples (splits: ${available.join(', ')})`);
    }
  }
}
