/**
 * TFMA's MetricThreshold (config.proto): GenericValueThreshold {lower_bound, upper_bound} and
 * GenericChangeThreshold {direction, absolute, relative}. MetricDirection enum: UNKNOWN 0,
 * LOWER_IS_BETTER 1, HIGHER_IS_BETTER 2 (names or numbers accepted). A change threshold needs a known
 * direction (TFMA raises ValueError on UNKNOWN); here that is a BAD_PARAM before anything runs.
 */
import type { ParamPath } from '../../orchestrator/param-check.js';
import { asObject, bad, checkKeys, doubleField, field } from './config-fields.js';

export interface ValueThreshold { lowerBound?: number; upperBound?: number }

export type Direction = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

export interface ChangeThreshold { direction: Direction; absolute?: number; relative?: number }

function direction(v: unknown, path: ParamPath): Direction {
  if (v === 'HIGHER_IS_BETTER' || v === 2) return 'HIGHER_IS_BETTER';
  if (v === 'LOWER_IS_BETTER' || v === 1) return 'LOWER_IS_BETTER';
  throw bad(path, `expected HIGHER_IS_BETTER or LOWER_IS_BETTER, got ${JSON.stringify(v)}`);
}

function parseValue(v: unknown, path: ParamPath): ValueThreshold {
  const o = asObject(v, path);
  checkKeys(o, path, ['lower_bound', 'upper_bound']);
  const lowerBound = doubleField(o, 'lower_bound', path);
  const upperBound = doubleField(o, 'upper_bound', path);
  if (lowerBound !== undefined && upperBound !== undefined && lowerBound > upperBound) {
    throw bad(path, `lower_bound ${lowerBound} is above upper_bound ${upperBound}: no value can pass`);
  }
  return { ...(lowerBound !== undefined ? { lowerBound } : {}), ...(upperBound !== undefined ? { upperBound } : {}) };
}

function parseChange(v: unknown, path: ParamPath): ChangeThreshold {
  const o = asObject(v, path);
  checkKeys(o, path, ['direction', 'absolute', 'relative']);
  const absolute = doubleField(o, 'absolute', path);
  const relative = doubleField(o, 'relative', path);
  return {
    direction: direction(field(o, 'direction', path), [...path, 'direction']),
    ...(absolute !== undefined ? { absolute } : {}), ...(relative !== undefined ? { relative } : {}),
  };
}

/** One MetricThreshold: at least one of value_threshold / change_threshold. */
export function parseMetricThreshold(v: unknown, path: ParamPath): { value?: ValueThreshold; change?: ChangeThreshold } {
  const o = asObject(v, path);
  checkKeys(o, path, ['value_threshold', 'change_threshold']);
  const vt = field(o, 'value_threshold', path);
  const ct = field(o, 'change_threshold', path);
  if (vt === undefined && ct === undefined) throw bad(path, 'needs value_threshold or change_threshold');
  return {
    ...(vt !== undefined ? { value: parseValue(vt, [...path, 'value_threshold']) } : {}),
    ...(ct !== undefined ? { change: parseChange(ct, [...path, 'change_threshold']) } : {}),
  };
}

const num = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));

/** "0.6 ≤ value" / "value ≤ 0.1" / "0.2 ≤ value ≤ 0.9" / "any value". */
export function describeValue(t: ValueThreshold): string {
  const lo = t.lowerBound !== undefined ? `${num(t.lowerBound)} ≤ ` : '';
  const hi = t.upperBound !== undefined ? ` ≤ ${num(t.upperBound)}` : '';
  return lo || hi ? `${lo}value${hi}` : 'any value';
}

/** e.g. "HIGHER_IS_BETTER: diff ≥ -1e-10, diff/baseline ≥ 0". */
export function describeChange(t: ChangeThreshold): string {
  const op = t.direction === 'HIGHER_IS_BETTER' ? '≥' : '≤';
  const parts = [
    ...(t.absolute !== undefined ? [`diff ${op} ${num(t.absolute)}`] : []),
    ...(t.relative !== undefined ? [`diff/baseline ${op} ${num(t.relative)}`] : []),
  ];
  return `${t.direction}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
