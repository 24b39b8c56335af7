/**
 * Evaluator's executor (TFX's components/evaluator/executor.py with TFMA's evaluation): load the candidate
 * (and baseline) serving model, stream the example_splits of the raw examples through them, compute the
 * metrics per slice, check the thresholds, and write evaluation.json + the blessing. `runEvaluator` takes the
 * model loader as an argument (tests pass in-memory models); the component uses loadModelArtifact.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PipelineError } from '../../metadata/errors.js';
import type { ExecutorContext, ExecutorResult, InputArtifact } from '../../orchestrator/component.js';
import { splitFiles } from '../statistics-gen/split-stats.js';
import { blessingProperties, writeBlessingMarker } from './blessing.js';
import { collectPredictions, type Predictor } from './collect-predictions.js';
import { parseJsonParam } from './config-fields.js';
import { parseEvalConfig, type EvalConfig } from './eval-config.js';
import { evaluate } from './evaluate.js';
import { exampleSplits } from './example-splits.js';
import { EVALUATION_FILE, evaluationJson } from './evaluation.js';
import { loadModelArtifact } from './load-model.js';
import { slicingFeatures } from './slicing.js';

export type ModelLoader = (model: InputArtifact) => Promise<Predictor>;

function inputs(ctx: ExecutorContext, key: string, min: number): InputArtifact[] {
  const list = ctx.inputs[key] ?? [];
  if (list.length < min || list.length > 1) {
    throw new PipelineError('MISSING_INPUT', `Evaluator needs ${min ? 'exactly one' : 'at most one'} ${key} artifact, got ${list.length}`, { nodeId: ctx.nodeId });
  }
  return list;
}

export async function runEvaluator(ctx: ExecutorContext, loadModel: ModelLoader): Promise<ExecutorResult> {
  const [examples] = inputs(ctx, 'examples', 1);
  const [model] = inputs(ctx, 'model', 1);
  const [baselineArtifact] = inputs(ctx, 'baseline_model', 0);
  const config: EvalConfig = parseEvalConfig(parseJsonParam(ctx.params.eval_config, 'eval_config'));
  const splits = exampleSplits(ctx.params.example_splits, examples);
  const files = splits.flatMap((s) => splitFiles(join(examples.uri, `Split-${s}`)));
  const candidate = await loadModel(model);
  const baseline = baselineArtifact ? await loadModel(baselineArtifact) : undefined;
  const labelKey = config.labelKey ?? candidate.labelKey;
  ctx.log.info('evaluating', { splits, files: files.length, labelKey, baseline: baselineArtifact?.id ?? null, thresholds: config.thresholds.length });
  const collected = await collectPredictions({
    files, candidate, baseline, labelKey, sliceFeatures: slicingFeatures(config.slicingSpecs),
    onBatch: (n) => ctx.progress(n, undefined, 'examples'),
  });
  if (collected.n === 0) {
    throw new PipelineError('MISSING_INPUT', `Evaluator: no labelled example in splits ${splits.join(', ')} of examples artifact ${examples.id} (label '${labelKey}')`, { nodeId: ctx.nodeId });
  }
  const doc = evaluate({ collected, config, candidateTask: candidate.task, baselineTask: baseline?.task, labelKey, exampleSplits: splits });
  mkdirSync(ctx.outputs.evaluation.uri, { recursive: true });
  writeFileSync(join(ctx.outputs.evaluation.uri, EVALUATION_FILE), evaluationJson(doc));
  mkdirSync(ctx.outputs.blessing.uri, { recursive: true });
  const { blessed, failures, ran, note } = doc.validation;
  writeBlessingMarker(ctx.outputs.blessing.uri, blessed);
  if (!ran) ctx.log.warn(`model not validated, no blessing marker written (never pushed): ${note}`);
  else ctx.log.info(blessed ? 'BLESSED' : 'NOT_BLESSED', { failures });
  return { evaluation: {}, blessing: { customProperties: blessingProperties(blessed, model, baselineArtifact, ctx.nodeId) } };
}

export function evaluatorExecutor(ctx: ExecutorContext): Promise<ExecutorResult> {
  return runEvaluator(ctx, loadModelArtifact);
}
