/** StatisticsGen's spec: TFX's name, inputs, output and params; no logic. */
import type { ComponentSpec } from '../../orchestrator/component.js';
import { checkExcludeSplits } from '../shared/split-names.js';
import { checkStatsOptions } from './stats-options.js';

export const STATISTICS_GEN_SPEC: ComponentSpec = {
  name: 'StatisticsGen',
  version: '2',
  description: 'Computes TFDV-style feature statistics (counts, valency, numeric moments and histograms, string '
    + 'top values and rank histograms) for every split of an Examples artifact in one streaming pass per split.',
  executionBaseType: 'Process',
  inputs: {
    examples: { type: 'Examples', description: 'The tf.Examples to describe.' },
    schema: { type: 'Schema', optional: true, description: 'Optional schema (TFDV uses it to type image_domain features as BYTES).' },
  },
  outputs: {
    statistics: { type: 'ExampleStatistics', description: 'Split-<name>/FeatureStats.pb: binary DatasetFeatureStatisticsList per split.' },
  },
  params: {
    stats_options_json: {
      type: 'any', check: checkStatsOptions,
      description: 'TFDV StatsOptions as JSON (string or object): num_top_values, frequency_threshold, num_rank_histogram_buckets, '
        + 'num_values_histogram_buckets, num_histogram_buckets, num_quantiles_histogram_buckets, epsilon.',
    },
    exclude_splits: {
      type: 'any', default: [], check: checkExcludeSplits,
      description: 'Split names to skip, as a JSON list (string or array), e.g. ["eval"].',
    },
  },
};
