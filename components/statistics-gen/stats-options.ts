/**
 * StatisticsGen's stats_options_json: TFDV StatsOptions knobs by their TFDV names (a JSON string, as TFX
 * passes it, or an object). Accepted and applied: num_top_values, frequency_threshold,
 * num_rank_histogram_buckets, num_values_histogram_buckets, num_histogram_buckets,
 * num_quantiles_histogram_buckets, epsilon (and "TYPE_NAME": "StatsOptions", which TFDV's to_json adds).
 * Any other key, or a value of the wrong kind → BAD_PARAM naming the key (also during validation: the spec's check).
 */
import { badAt, checkerOf, checkKnownKeys } from '../../orchestrator/param-check.js';
import { kForEpsilon } from './kll-sketch.js';

export interface StatsOptions {
  numTopValues: number;
  frequencyThreshold: number;
  numRankHistogramBuckets: number;
  numValuesHistogramBuckets: number;
  numHistogramBuckets: number;
  numQuantilesHistogramBuckets: number;
  /** Quantile rank error bound; sets the KLL sketch size k = kForEpsilon(epsilon). */
  epsilon: number;
}

/** TFDV's defaults (StatsOptions.__init__). */
export const DEFAULT_STATS_OPTIONS: Readonly<StatsOptions> = Object.freeze({
  numTopValues: 20,
  frequencyThreshold: 1,
  numRankHistogramBuckets: 1000,
  numValuesHistogramBuckets: 10,
  numHistogramBuckets: 10,
  numQuantilesHistogramBuckets: 10,
  epsilon: 0.01,
});

type IntKey = Exclude<keyof StatsOptions, 'epsilon'>;
const INT_KEYS: Record<string, [IntKey, number]> = {
  num_top_values: ['numTopValues', 0],
  frequency_threshold: ['frequencyThreshold', 1],
  num_rank_histogram_buckets: ['numRankHistogramBuckets', 0],
  num_values_histogram_buckets: ['numValuesHistogramBuckets', 2],
  num_histogram_buckets: ['numHistogramBuckets', 1],
  num_quantiles_histogram_buckets: ['numQuantilesHistogramBuckets', 1],
};

const ROOT = ['stats_options_json'];
const KNOWN = [...Object.keys(INT_KEYS), 'epsilon', 'TYPE_NAME'];

/** Parse the param (undefined/null/'' → defaults). Errors: BAD_PARAM (ParamProblemError) naming the key. */
export function parseStatsOptions(raw: unknown): StatsOptions {
  if (raw === undefined || raw === null || raw === '') return { ...DEFAULT_STATS_OPTIONS };
  let obj: unknown = raw;
  if (typeof raw === 'string') {
    try {
      obj = JSON.parse(raw);
    } catch (e) {
      throw badAt(ROOT, `not valid JSON (${(e as Error).message})`);
    }
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw badAt(ROOT, 'must be a JSON object');
  checkKnownKeys(obj as Record<string, unknown>, ROOT, KNOWN, { noun: 'option' });
  const out: StatsOptions = { ...DEFAULT_STATS_OPTIONS };
  for (const [key, v] of Object.entries(obj)) {
    if (key === 'TYPE_NAME') {
      if (v !== 'StatsOptions') throw badAt([...ROOT, key], `must be "StatsOptions", got ${JSON.stringify(v)}`);
    } else if (key === 'epsilon') {
      if (typeof v !== 'number' || !(v > 0 && v < 1)) throw badAt([...ROOT, key], `must be a number in (0, 1), got ${JSON.stringify(v)}`);
      out.epsilon = v;
    } else {
      const [field, min] = INT_KEYS[key];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw badAt([...ROOT, key], `must be an integer ≥ ${min}, got ${JSON.stringify(v)}`);
      out[field] = v;
    }
  }
  if (kForEpsilon(out.epsilon) > 1 << 20) throw badAt([...ROOT, 'epsilon'], `${out.epsilon} is too small (sketch would exceed 2^20 items)`);
  return out;
}

/** For the spec: the problems of stats_options_json (an object or its JSON text). */
export const checkStatsOptions = checkerOf(parseStatsOptions);
