/**
 * featureStats: one FeatureAccumulator → FeatureNameStatistics, field for field as TFDV's
 * basic_stats_generator (_make_feature_stats_proto and helpers) and top_k_uniques_stats_util fill them:
 * - type: INT / FLOAT / STRING from the values' kind; no values ever → STRING; a schema bytes feature
 *   (image_domain) → BYTES with bytes_stats instead of string_stats; a schema categorical INT feature → INT with
 *   string_stats over its values' decimal strings (schema-hints.ts).
 * - common_stats: num_non_missing, num_missing; when any example is present also min/max/tot num values,
 *   avg_num_values, num_values_histogram (QUANTILES over exact valency counts).
 * - num_stats: with values: mean, std_dev (population), num_zeros, min, max, median and the STANDARD and
 *   QUANTILES histograms from 100 × num_quantiles_histogram_buckets sketch quantiles; both histograms carry
 *   num_nan. Only NaNs → the two histograms with num_nan alone.
 * - string_stats: avg_length (bytes), invalid_utf8_count, unique, top_values (num_top_values) and
 *   rank_histogram (num_rank_histogram_buckets), values ordered by count then bytes, both descending.
 */
import type { FeatureAccumulator, NumericPart } from './feature-accumulator.js';
import { equiWidthHistogram, medianOf, quantilesHistogram, rebin } from './histograms.js';
import { pruned } from './proto3.js';
import { quantilePoints } from './quantile-points.js';
import type {
  BytesStatsObject, CommonStatsObject, FeatureStatsObject, HistogramObject, NumericStatsObject, StringStatsObject,
} from '../../proto/tfmd/index.js';
import type { StatsOptions } from './stats-options.js';
import { topEntries } from './top-k.js';

/** TFDV's _NUM_QUANTILES_FACTOR_FOR_STD_HISTOGRAM. */
const STD_HISTOGRAM_FACTOR = 100;

export interface ExtractOptions extends StatsOptions {
  /** Features the schema marks as bytes (image_domain): typed BYTES, with bytes_stats. */
  bytesFeatures?: ReadonlySet<string>;
}

export function featureStats(acc: FeatureAccumulator, numExamples: number, opts: ExtractOptions): FeatureStatsObject {
  const isBytes = opts.bytesFeatures?.has(acc.name) ?? false;
  const type = acc.kind === 'int64' ? 'INT' : acc.kind === 'float' ? 'FLOAT' : isBytes ? 'BYTES' : 'STRING';
  const commonStats = common(acc, numExamples, opts);
  const out: FeatureStatsObject = { path: { step: [acc.name] } };
  if (type !== 'INT') out.type = type;
  if (type === 'BYTES') out.bytesStats = bytesStats(acc, commonStats);
  else if (type === 'STRING' || (type === 'INT' && !acc.numeric && acc.values)) out.stringStats = stringStats(acc, commonStats, opts);
  else out.numStats = numStats(acc.numeric!, acc.totNumValues, commonStats, opts);
  return out;
}

function common(acc: FeatureAccumulator, numExamples: number, opts: ExtractOptions): CommonStatsObject {
  const present = acc.numNonMissing;
  if (present === 0) return pruned({ numMissing: numExamples });
  const points = quantilePoints(acc.valency.distribution(), opts.numValuesHistogramBuckets);
  return pruned({
    numNonMissing: present,
    numMissing: numExamples - present,
    minNumValues: acc.minNumValues,
    maxNumValues: acc.maxNumValues,
    avgNumValues: Math.fround(acc.totNumValues / present),
    numValuesHistogram: quantilesHistogram(points),
    totNumValues: acc.totNumValues,
  });
}

function numStats(num: NumericPart, totNumValues: number, commonStats: CommonStatsObject, opts: ExtractOptions): NumericStatsObject {
  const total = totNumValues - num.numNan;
  if (total === 0) {
    if (num.numNan === 0) return { commonStats };
    return { commonStats, histograms: [{ numNan: num.numNan }, { numNan: num.numNan, type: 'QUANTILES' }] };
  }
  const points = quantilePoints(num.sketch.weightedValues(), STD_HISTOGRAM_FACTOR * opts.numQuantilesHistogramBuckets);
  const standard = equiWidthHistogram(points, num.finiteMin, num.finiteMax, opts.numHistogramBuckets, num.posInf);
  const quantiles = quantilesHistogram(rebin(points, STD_HISTOGRAM_FACTOR));
  const withNan = (h: HistogramObject): HistogramObject => pruned({ numNan: num.numNan, ...h });
  return pruned({
    commonStats,
    mean: meanOf(num),
    // Python's max(0, variance): a NaN variance (infinite values) gives 0
    stdDev: num.posInf + num.negInf > 0 ? 0 : Math.sqrt(Math.max(0, num.m2 / num.count)),
    numZeros: num.numZeros,
    min: num.min,
    median: medianOf(points.quantiles),
    max: num.max,
    histograms: [withNan(standard), withNan(quantiles)],
  });
}

/** Mean of the non-NaN values; infinities dominate as they do in numpy. */
function meanOf(num: NumericPart): number {
  if (num.posInf > 0 && num.negInf > 0) return NaN;
  if (num.posInf > 0) return Infinity;
  if (num.negInf > 0) return -Infinity;
  return num.mean;
}

function stringStats(acc: FeatureAccumulator, commonStats: CommonStatsObject, opts: ExtractOptions): StringStatsObject {
  const total = acc.totNumValues;
  const vc = acc.values;
  const out: StringStatsObject = { commonStats };
  if (vc && vc.size > 0) {
    out.unique = vc.size;
    const ranked = topEntries(vc, Math.max(opts.numTopValues, opts.numRankHistogramBuckets));
    const top = [];
    const rank = [];
    for (let i = 0; i < ranked.length; i++) {
      const e = ranked[i];
      const count = vc.counts[e];
      if (count < opts.frequencyThreshold) break;
      const label = vc.label(e);
      if (i < opts.numTopValues) top.push(pruned({ value: label, frequency: count }));
      if (i < opts.numRankHistogramBuckets) rank.push(pruned({ lowRank: i, highRank: i, label, sampleCount: count }));
    }
    if (top.length) out.topValues = top;
    if (rank.length) out.rankHistogram = { buckets: rank };
  }
  if (total > 0) out.avgLength = Math.fround(acc.totalBytes / total);
  if (vc && vc.invalidUtf8 > 0) out.invalidUtf8Count = vc.invalidUtf8;
  return out;
}

function bytesStats(acc: FeatureAccumulator, commonStats: CommonStatsObject): BytesStatsObject {
  const total = acc.totNumValues;
  if (total === 0) return { commonStats };
  return pruned({
    commonStats,
    avgNumBytes: Math.fround(acc.totalBytes / total),
    minNumBytes: Math.fround(acc.minBytes),
    maxNumBytes: Math.fround(acc.maxBytes),
    maxNumBytesInt: acc.maxBytes,
  });
}
