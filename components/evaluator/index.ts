/**
 * Evaluator (TFX's component, TFMA's model analysis): spec + executor, and the pieces others use —
 * the eval config parser, metric and threshold functions, the evaluation document reader.
 */
import { defineComponent } from '../../orchestrator/component.js';
import { evaluatorExecutor } from './executor.js';
import { EVALUATOR_SPEC } from './spec.js';

export const evaluator = defineComponent({ ...EVALUATOR_SPEC, executor: evaluatorExecutor });

export { runEvaluator, type ModelLoader } from './executor.js';
export { exampleSplits } from './example-splits.js';
export { parseEvalConfig, type EvalConfig, type SlicingSpec, type ThresholdRule } from './eval-config.js';
export { checkThresholds, passesChange, passesValue, type ThresholdCheck } from './check-thresholds.js';
export { computeMetrics, type MetricValues } from './compute-metrics.js';
export { auc, binaryLogLoss, calibration } from './binary-metrics.js';
export { computeSlices, quantileBoundaries } from './slicing.js';
export { evaluate } from './evaluate.js';
export { readEvaluation, EVALUATION_FILE, type EvaluationDoc } from './evaluation.js';
export { BLESSED_FILE, NOT_BLESSED_FILE } from './blessing.js';
export type { Predictor } from './collect-predictions.js';
