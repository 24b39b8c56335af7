/** SchemaGen's spec: TFX's name, input, output and params; no logic. */
import type { ComponentSpec } from '../../orchestrator/component.js';
import { checkExcludeSplits } from '../shared/split-names.js';

export const SCHEMA_GEN_SPEC: ComponentSpec = {
  name: 'SchemaGen',
  version: '1',
  description: 'Infers a TFMD schema from statistics as TFDV does: the first split infers, each further split updates '
    + '(presence relaxed, new string values appended, missing required features deprecated).',
  executionBaseType: 'Process',
  inputs: {
    statistics: { type: 'ExampleStatistics', description: 'Split-<name>/FeatureStats.pb per split, in split_names order.' },
  },
  outputs: {
    schema: { type: 'Schema', description: 'schema.pbtxt: text-format TFMD Schema.' },
  },
  params: {
    infer_feature_shape: {
      type: 'boolean', default: true,
      description: 'Infer Feature.shape for features with the same number of values in every example (else value_count).',
    },
    exclude_splits: {
      type: 'any', default: [], check: checkExcludeSplits,
      description: 'Split names to leave out, as a JSON list (string or array), e.g. ["eval"].',
    },
  },
};
