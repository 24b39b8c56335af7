/** ExampleValidator's spec: TFX's name, inputs, output and params; no logic. */
import type { ComponentSpec } from '../../orchestrator/component.js';
import { checkExcludeSplits } from '../shared/split-names.js';

export const EXAMPLE_VALIDATOR_SPEC: ComponentSpec = {
  name: 'ExampleValidator',
  version: '1',
  description: 'Validates each split\'s statistics against the schema as TFDV does (missing / new columns, types, presence, '
    + 'valency, domains, dataset size), measures skew of every split against "train" and drift against the previous '
    + 'statistics for features with skew_comparator / drift_comparator, and writes TFMD Anomalies per split.',
  executionBaseType: 'Process',
  inputs: {
    statistics: { type: 'ExampleStatistics', description: 'Split-<name>/FeatureStats.pb per split.' },
    schema: { type: 'Schema', description: 'schema.pbtxt to validate against.' },
    previous_statistics: {
      type: 'ExampleStatistics', optional: true, resolve: { previousOf: 'statistics' },
      description: 'The statistics this node validated before (filled in by the orchestrator), the control data of drift_comparator.',
    },
  },
  outputs: {
    anomalies: {
      type: 'ExampleAnomalies',
      description: 'Split-<name>/SchemaDiff.pb (binary TFMD Anomalies) per split, report.txt (one line per anomaly); '
        + 'custom properties blessed ({"split": 1|0}), anomalies_found, fail_on_anomalies.',
    },
  },
  params: {
    exclude_splits: { type: 'any', default: [], check: checkExcludeSplits, description: 'Split names not to validate, as a JSON list (string or array).' },
    fail_on_anomalies: {
      type: 'boolean', default: false,
      description: 'Stop the run after this node when any anomaly is found (the anomalies are still published).',
    },
  },
};
