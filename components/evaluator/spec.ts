/** Evaluator's spec: TFX's name, inputs, outputs and params; no logic. */
import type { ComponentSpec } from '../../orchestrator/component.js';
import { checkEvalConfig } from './eval-config.js';
import { checkExampleSplits } from './example-splits.js';

export const EVALUATOR_SPEC: ComponentSpec = {
  name: 'Evaluator',
  version: '1',
  usesTfjsBackend: true,
  description: 'Evaluates the candidate model (and the baseline model, when one is wired) on raw examples as TFMA does: '
    + 'metrics overall and per slice, value and change thresholds; writes evaluation.json and the blessing '
    + '(BLESSED / NOT_BLESSED marker, blessed 1/0). As in TFX, no applicable threshold (none, or only change thresholds '
    + 'and no baseline) → no validation and no marker (never blessed).',
  executionBaseType: 'Evaluate',
  inputs: {
    examples: { type: 'Examples', description: 'Raw examples (from ExampleGen); the example_splits are evaluated.' },
    model: { type: 'Model', description: 'The candidate model (Format-Serving/, bundling its transform graph).' },
    baseline_model: {
      type: 'Model', optional: true,
      description: 'The model to compare with (e.g. from LatestBlessedModelResolver); absent → change thresholds waived (rubber stamp).',
    },
  },
  outputs: {
    evaluation: { type: 'ModelEvaluation', description: 'evaluation.json: metrics per slice for candidate and baseline, diffs, threshold checks, verdict.' },
    blessing: {
      type: 'ModelBlessing',
      description: 'Empty file BLESSED or NOT_BLESSED (none when no threshold is configured); custom properties blessed 1/0, '
        + 'current_model, current_model_id, baseline_model, baseline_model_id, component_id.',
    },
  },
  params: {
    eval_config: {
      type: 'any', default: {}, check: checkEvalConfig,
      description: 'TFMA-style EvalConfig (object or JSON text): model_specs [{label_key}], slicing_specs [{} | {feature_keys, feature_values?, buckets?}], '
        + 'metrics_specs [{metrics: [{class_name, threshold?, per_slice_thresholds?}], thresholds?}]. A threshold without slicing specs applies to every configured slice.',
    },
    example_splits: { type: 'any', default: ['eval'], check: checkExampleSplits, description: 'Splits to evaluate, a JSON list (default ["eval"]).' },
  },
};
