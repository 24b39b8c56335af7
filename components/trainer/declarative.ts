/**
 * The no-code path: a declarative DNN (param `model`, overridden by a HyperParameters artifact) built over the
 * transformed features, optionally warm-started from a base model of the same shape, trained and saved.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PipelineError } from '../../metadata/errors.js';
import { canonicalJson } from '../../orchestrator/canonical-json.js';
import type { ExecutorLog } from '../../orchestrator/component.js';
import { planFeatures, type FeaturePlan, type OutputInfo } from './feature-plan.js';
import { parseModelConfig, TUNABLE, type DeclarativeModel } from './model-config.js';
import { MODEL_FILE, readModelFiles } from './model-files.js';
import type { ModelRunSummary } from './model-run.js';
import { buildDnn } from './network.js';
import { METRIC_NAMES } from './objective.js';
import { saveServingNetwork } from './save-model.js';
import type { LayersModel, Tfjs } from './tfjs.js';
import { fit } from './train-loop.js';

export interface DeclarativeRun {
  tfjs: Tfjs;
  outputs: Record<string, OutputInfo>;
  model: Record<string, unknown>;
  hyperparameters?: Record<string, unknown>;
  trainFiles: string[];
  evalFiles: string[];
  trainSteps?: number;
  evalSteps?: number;
  servingDir: string;
  baseModelDir?: string;
  log: ExecutorLog;
  progress?(done: number, total?: number, unit?: string): void;
}

/** param `model` with the HyperParameters artifact's values laid over it. */
export function configWithHyperparameters(model: Record<string, unknown>, hp: Record<string, unknown> | undefined): DeclarativeModel {
  for (const k of Object.keys(hp ?? {}).sort()) {
    if (!TUNABLE.has(k)) throw new PipelineError('BAD_PARAM', `hyperparameters: '${k}' is not a tunable key of a declarative model (tunable: ${[...TUNABLE].join(', ')})`);
  }
  return parseModelConfig({ ...model, ...hp });
}

export function planOfConfig(cfg: DeclarativeModel, outputs: Record<string, OutputInfo>): FeaturePlan {
  return planFeatures({
    task: cfg.type === 'dnn_classifier' ? 'classification' : 'regression', labelKey: cfg.labelKey, nClasses: cfg.nClasses,
    features: cfg.features, categorical: cfg.categorical, embeddingDim: cfg.embeddingDim,
  }, outputs);
}

async function warmStart(r: DeclarativeRun, model: LayersModel): Promise<boolean> {
  if (!r.baseModelDir || !existsSync(join(r.baseModelDir, MODEL_FILE))) return false;
  const stored = (JSON.parse(readFileSync(join(r.baseModelDir, MODEL_FILE), 'utf8')) as { modelTopology?: unknown }).modelTopology;
  if (canonicalJson(stored) !== canonicalJson(model.toJSON(null, false))) {
    r.log.warn('base_model has a different network; training from scratch', { base_model: r.baseModelDir });
    return false;
  }
  const base = await readModelFiles(r.baseModelDir, r.tfjs);
  try {
    model.setWeights(base.getWeights());
    r.log.info('warm-started from base_model', { base_model: r.baseModelDir });
    return true;
  } finally {
    base.dispose();
  }
}

export async function trainDeclarative(r: DeclarativeRun): Promise<ModelRunSummary> {
  const cfg = configWithHyperparameters(r.model, r.hyperparameters);
  const plan = planOfConfig(cfg, r.outputs);
  const model = buildDnn(r.tfjs.tfl, plan, cfg.hiddenUnits, cfg.seed);
  try {
    const warm = await warmStart(r, model);
    r.log.info(`training ${cfg.type} on ${plan.features.length} features`, { backend: r.tfjs.backend, features: plan.features.map((f) => `${f.key}:${f.kind}`).join(' ') });
    const epochs = await fit(r.tfjs, model, plan, {
      trainFiles: r.trainFiles, evalFiles: r.evalFiles, epochs: cfg.epochs, batchSize: cfg.batchSize,
      shuffleBuffer: cfg.shuffleBuffer, seed: cfg.seed, learningRate: cfg.learningRate, optimizer: cfg.optimizer,
      trainSteps: r.trainSteps, evalSteps: r.evalSteps,
      onEpoch: (rec, seconds) => {
        r.log.info(`epoch ${rec.epoch}/${cfg.epochs}`, {
          loss: rec.train.loss, [METRIC_NAMES[plan.task]]: rec.train[METRIC_NAMES[plan.task]],
          eval_loss: rec.eval?.loss, examples_per_s: Math.round(rec.train.examples / Math.max(seconds, 1e-9)),
        });
        r.progress?.(rec.epoch, cfg.epochs, 'epochs');
      },
    });
    saveServingNetwork(r.servingDir, model, plan, r.tfjs.backend);
    return { task: plan.task, metric: METRIC_NAMES[plan.task], backend: r.tfjs.backend, warm_start: warm, epochs };
  } finally {
    model.dispose();
  }
}
