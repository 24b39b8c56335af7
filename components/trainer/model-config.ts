/**
 * The no-code path: a declarative model in the pipeline file (param `model`), checked and given its defaults.
 * Keys are snake_case as in the pipeline file; the parsed config is camelCase.
 */
import { badAt, checkKnownKeys, mapAll, type ParamPath } from '../../orchestrator/param-check.js';

export type CategoricalEncoding = 'embedding' | 'one_hot';

/** One network input named in `model.features`: a transformed feature, optionally with its own encoding. */
export interface FeatureChoice { name: string; encoding?: CategoricalEncoding; dim?: number }

export interface DeclarativeModel {
  type: 'dnn_classifier' | 'dnn_regressor';
  labelKey: string;
  hiddenUnits: number[];
  /** Network inputs; undefined = every transformed feature except the label (bytes features left out). */
  features?: FeatureChoice[];
  /** How vocabulary (integerized) features enter the network unless a feature says otherwise. */
  categorical: CategoricalEncoding;
  embeddingDim: number;
  /** Classes of a classifier; default: the label's cardinality in the transform graph, else 2. */
  nClasses?: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  optimizer: 'adam' | 'sgd';
  seed: number;
  /** Examples held by the seeded shuffle buffer (0 = no shuffling). */
  shuffleBuffer: number;
}

const KEYS = ['type', 'label_key', 'hidden_units', 'features', 'categorical', 'embedding_dim', 'n_classes', 'epochs',
  'batch_size', 'learning_rate', 'optimizer', 'seed', 'shuffle_buffer'];

export const MODEL_DEFAULTS = {
  hidden_units: [64, 32], categorical: 'embedding', embedding_dim: 8, epochs: 10, batch_size: 128,
  learning_rate: 0.001, optimizer: 'adam', seed: 42, shuffle_buffer: 10000,
} as const;

/** The keys a HyperParameters artifact may override: those with a default. */
export const TUNABLE: ReadonlySet<string> = new Set(Object.keys(MODEL_DEFAULTS));

function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: ParamPath): T {
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  throw badAt(path, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${JSON.stringify(v)}`);
}

function int(v: unknown, path: ParamPath, min: number): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= min) return v;
  throw badAt(path, `must be an integer ≥ ${min}, got ${JSON.stringify(v)}`);
}

function positive(v: unknown, path: ParamPath): number {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
  throw badAt(path, `must be a positive number, got ${JSON.stringify(v)}`);
}

function featureChoice(v: unknown, path: ParamPath): FeatureChoice {
  if (typeof v === 'string' && v !== '') return { name: v };
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw badAt(path, `must be a feature name or {name, encoding?, dim?}, got ${JSON.stringify(v)}`);
  const o = v as Record<string, unknown>;
  checkKnownKeys(o, path, ['name', 'encoding', 'dim']);
  if (typeof o.name !== 'string' || o.name === '') throw badAt([...path, 'name'], `must be a feature name, got ${JSON.stringify(o.name)}`);
  const out: FeatureChoice = { name: o.name };
  if (o.encoding !== undefined) out.encoding = oneOf(o.encoding, ['embedding', 'one_hot'] as const, [...path, 'encoding']);
  if (o.dim !== undefined) out.dim = int(o.dim, [...path, 'dim'], 1);
  if (out.dim !== undefined && out.encoding === 'one_hot') throw badAt([...path, 'dim'], 'applies to embeddings only, not one_hot');
  return out;
}

function featureList(list: unknown, labelKey: unknown, path: ParamPath): FeatureChoice[] {
  if (!Array.isArray(list) || list.length === 0) throw badAt(path, `must be a non-empty list of feature names, got ${JSON.stringify(list)}`);
  const features = mapAll(list, (f, i) => featureChoice(f, [...path, i]));
  const seen = new Set<string>();
  features.forEach((f, i) => {
    if (seen.has(f.name)) throw badAt([...path, i], `feature '${f.name}' is listed twice`);
    if (f.name === labelKey) throw badAt([...path, i], `the label '${f.name}' cannot also be a feature`);
    seen.add(f.name);
  });
  return features;
}

/**
 * Parses param `model` (after hyperparameter overrides were merged into it). Errors: BAD_PARAM (ParamProblemError)
 * at the key path, starting with `what` (the param's name, or `fn_args.fit` for a run_fn's call).
 */
export function parseModelConfig(raw: unknown, what = 'model'): DeclarativeModel {
  const root = [what];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw badAt(root, `must be an object like {type: dnn_classifier, label_key: ...}, got ${JSON.stringify(raw)}`);
  const o = raw as Record<string, unknown>;
  checkKnownKeys(o, root, KEYS);
  const get = (k: keyof typeof MODEL_DEFAULTS): unknown => (o[k] === undefined ? MODEL_DEFAULTS[k] : o[k]);
  const type = oneOf(o.type, ['dnn_classifier', 'dnn_regressor'] as const, [what, 'type']);
  if (typeof o.label_key !== 'string' || o.label_key === '') throw badAt([what, 'label_key'], `must name the label feature, got ${JSON.stringify(o.label_key)}`);
  const hidden = get('hidden_units');
  if (!Array.isArray(hidden)) throw badAt([what, 'hidden_units'], `must be a list of layer sizes like [64, 32], got ${JSON.stringify(hidden)}`);
  const hiddenUnits = mapAll(hidden, (u, i) => int(u, [what, 'hidden_units', i], 1));
  const features = o.features === undefined ? undefined : featureList(o.features, o.label_key, [what, 'features']);
  const nClasses = o.n_classes === undefined ? undefined : int(o.n_classes, [what, 'n_classes'], 2);
  if (nClasses !== undefined && type !== 'dnn_classifier') throw badAt([what, 'n_classes'], 'applies to dnn_classifier only');
  return {
    type, labelKey: o.label_key, hiddenUnits, features,
    categorical: oneOf(get('categorical'), ['embedding', 'one_hot'] as const, [what, 'categorical']),
    embeddingDim: int(get('embedding_dim'), [what, 'embedding_dim'], 1),
    nClasses,
    epochs: int(get('epochs'), [what, 'epochs'], 1),
    batchSize: int(get('batch_size'), [what, 'batch_size'], 1),
    learningRate: positive(get('learning_rate'), [what, 'learning_rate']),
    optimizer: oneOf(get('optimizer'), ['adam', 'sgd'] as const, [what, 'optimizer']),
    seed: int(get('seed'), [what, 'seed'], 0),
    shuffleBuffer: int(get('shuffle_buffer'), [what, 'shuffle_buffer'], 0),
  };
}
