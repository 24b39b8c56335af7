/** The Trainer's params checked: exactly one of module_file / model, train_args, eval_args, custom_config. */
import { PipelineError } from '../../metadata/errors.js';
import { badAt, checkerOf, checkKnownKeys } from '../../orchestrator/param-check.js';
import { MODEL_DEFAULTS, parseModelConfig } from './model-config.js';

export interface TrainerParams {
  moduleFile?: string;
  model?: Record<string, unknown>;
  trainSplits: string[];
  /** train_args.num_steps: total optimizer steps. */
  trainSteps?: number;
  evalSplits: string[];
  /** eval_args.num_steps: batches per evaluation. */
  evalSteps?: number;
  customConfig: Record<string, unknown>;
}

function bad(msg: string): PipelineError {
  return new PipelineError('BAD_PARAM', msg);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** train_args / eval_args: {splits, num_steps}. */
export function parseSplitArgs(raw: unknown, name: string, defaultSplit: string): { splits: string[]; steps?: number } {
  if (raw === undefined || raw === null) return { splits: [defaultSplit] };
  if (!isObject(raw)) throw badAt([name], `must be an object like {splits: [${defaultSplit}], num_steps: 100}, got ${JSON.stringify(raw)}`);
  checkKnownKeys(raw, [name], ['splits', 'num_steps']);
  let splits = [defaultSplit];
  if (raw.splits !== undefined) {
    if (!Array.isArray(raw.splits) || raw.splits.length === 0 || raw.splits.some((s) => typeof s !== 'string' || s === '')) {
      throw badAt([name, 'splits'], `must be a non-empty list of split names, got ${JSON.stringify(raw.splits)}`);
    }
    splits = raw.splits as string[];
  }
  const steps = raw.num_steps;
  if (steps !== undefined && (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1)) {
    throw badAt([name, 'num_steps'], `must be a positive integer, got ${JSON.stringify(steps)}`);
  }
  return { splits, steps: steps as number | undefined };
}

/** For the spec. */
export const checkTrainArgs = checkerOf((v) => parseSplitArgs(v, 'train_args', 'train'));
export const checkEvalArgs = checkerOf((v) => parseSplitArgs(v, 'eval_args', 'eval'));

/**
 * For the spec: param `model` as the executor parses it. With a hyperparameters input wired, the tunable keys'
 * values (those of MODEL_DEFAULTS) may be replaced at run time, so only the rest is checked here.
 */
export const checkModel = checkerOf((v, node) => (node.inputs.includes('hyperparameters') && isObject(v)
  ? parseModelConfig({ ...v, ...MODEL_DEFAULTS }) : parseModelConfig(v)));

export function parseTrainerParams(p: Record<string, unknown>): TrainerParams {
  const moduleFile = p.module_file === undefined || p.module_file === null || p.module_file === '' ? undefined : p.module_file;
  const model = p.model === undefined || p.model === null ? undefined : p.model;
  if (moduleFile !== undefined && model !== undefined) throw bad('params module_file and model are exclusive: give a run_fn module or a declarative model, not both');
  if (moduleFile === undefined && model === undefined) throw bad('the Trainer needs param module_file (a module exporting run_fn) or param model (a declarative model such as {type: dnn_classifier, label_key: ...})');
  if (moduleFile !== undefined && typeof moduleFile !== 'string') throw bad(`param module_file: must be a path, got ${JSON.stringify(moduleFile)}`);
  if (model !== undefined && !isObject(model)) throw bad(`param model: must be an object like {type: dnn_classifier, label_key: ...}, got ${JSON.stringify(model)}`);
  const cc = p.custom_config ?? {};
  if (!isObject(cc)) throw bad(`param custom_config: must be an object, got ${JSON.stringify(cc)}`);
  const train = parseSplitArgs(p.train_args, 'train_args', 'train');
  const evalArgs = parseSplitArgs(p.eval_args, 'eval_args', 'eval');
  return {
    moduleFile: moduleFile as string | undefined, model: model as Record<string, unknown> | undefined,
    trainSplits: train.splits, trainSteps: train.steps, evalSplits: evalArgs.splits, evalSteps: evalArgs.steps, customConfig: cc,
  };
}
