/**
 * The Evaluator's `eval_config`: a subset of TFMA's EvalConfig, in TFMA's JSON names (snake_case or
 * camelCase), checked strictly:
 * ```
 * { model_specs: [{ label_key?, prediction_key?, name?, signature_name?, is_baseline? }],
 *   slicing_specs: [{} | { feature_keys: ["company"], feature_values?: {k: "v"}, buckets?: 4 }],
 *   metrics_specs: [{ metrics: [{ class_name: "AUC", threshold?: MetricThreshold,
 *                                 per_slice_thresholds?: [{ slicing_specs: [...], threshold: MetricThreshold }] }],
 *                     thresholds?: { "<metric name>": MetricThreshold },
 *                     per_slice_thresholds?: { "<metric name>": { thresholds: [{ slicing_specs, threshold }] } } }] }
 * MetricThreshold = { value_threshold?: { lower_bound?, upper_bound? },
 *                     change_threshold?: { direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER", absolute?, relative? } }
 * ```
 * Bounds are numbers or `{value: n}`. `buckets` (tfx-ts extension) slices numeric features into that many
 * quantile buckets. As in TFMA (metric_specs.metric_thresholds_from_metrics_specs), a threshold without
 * slicing specs applies to every configured slice; `per_slice_thresholds` restrict one to matching slices.
 */
import { checkerOf, mapAll, pathText, type ParamPath } from '../../orchestrator/param-check.js';
import { asArray, asObject, bad, checkKeys, field, parseJsonParam, stringList, type Obj } from './config-fields.js';
import { isMetricName, knownMetricClasses, metricOfClass, type MetricName } from './metric-registry.js';
import { parseMetricThreshold, type ChangeThreshold, type ValueThreshold } from './threshold-config.js';

export interface SlicingSpec {
  featureKeys: string[];
  /** Only the slice with these values (the keys are slice columns too). */
  featureValues: Record<string, string>;
  /** Numeric feature_keys are cut into this many quantile buckets (of the evaluated data). */
  buckets?: number;
}

export interface ThresholdRule {
  metric: MetricName;
  /** undefined: every configured slice (TFMA: "If slice is not set it matches all slices"). */
  slicingSpec?: SlicingSpec;
  value?: ValueThreshold;
  change?: ChangeThreshold;
  /** Where in eval_config this threshold was written, for messages. */
  path: string;
}

export interface EvalConfig {
  /** model_specs[].label_key of the candidate spec; default: the model's own label key. */
  labelKey?: string;
  /** Configured slicing specs; none given → [{}] (overall), TFMA's default. */
  slicingSpecs: SlicingSpec[];
  /** Metrics named in metrics_specs (the Evaluator computes every metric of the task anyway). */
  metrics: MetricName[];
  thresholds: ThresholdRule[];
}

export const OVERALL: SlicingSpec = Object.freeze({ featureKeys: [], featureValues: {} }) as SlicingSpec;

export function parseSlicingSpec(v: unknown, path: ParamPath): SlicingSpec {
  const o = asObject(v, path);
  checkKeys(o, path, ['feature_keys', 'feature_values', 'buckets']);
  const featureKeys = stringList(field(o, 'feature_keys', path), [...path, 'feature_keys']);
  const fv = field(o, 'feature_values', path);
  const featureValues: Record<string, string> = {};
  for (const [k, x] of Object.entries(fv === undefined ? {} : asObject(fv, [...path, 'feature_values']))) {
    if (typeof x !== 'string' && typeof x !== 'number') throw bad([...path, 'feature_values', k], `expected a value, got ${JSON.stringify(x)}`);
    featureValues[k] = String(x);
  }
  const buckets = field(o, 'buckets', path);
  if (buckets !== undefined && (typeof buckets !== 'number' || !Number.isInteger(buckets) || buckets < 2 || buckets > 1000)) {
    throw bad([...path, 'buckets'], `expected an integer from 2 to 1000, got ${JSON.stringify(buckets)}`);
  }
  if (buckets !== undefined && featureKeys.length === 0) throw bad([...path, 'buckets'], 'needs feature_keys to bucket');
  return { featureKeys, featureValues, ...(buckets !== undefined ? { buckets: buckets as number } : {}) };
}

function metricByName(name: string, path: ParamPath): MetricName {
  const m = isMetricName(name) ? name : metricOfClass(name);
  if (!m) throw bad(path, `unknown metric '${name}' (known: ${knownMetricClasses()})`);
  return m;
}

function addThreshold(out: ThresholdRule[], metric: MetricName, t: unknown, path: ParamPath, slicingSpec?: SlicingSpec): void {
  const { value, change } = parseMetricThreshold(t, path);
  out.push({ metric, ...(slicingSpec ? { slicingSpec } : {}), ...(value ? { value } : {}), ...(change ? { change } : {}), path: pathText(path) });
}

function addPerSlice(out: ThresholdRule[], metric: MetricName, list: unknown, path: ParamPath): void {
  mapAll(asArray(list, path), (p, i) => {
    const at = [...path, i];
    const o = asObject(p, at);
    checkKeys(o, at, ['slicing_specs', 'threshold']);
    const specs = asArray(field(o, 'slicing_specs', at), [...at, 'slicing_specs']);
    if (specs.length === 0) throw bad([...at, 'slicing_specs'], 'needs at least one slicing spec');
    specs.forEach((s, j) => addThreshold(out, metric, field(o, 'threshold', at), [...at, 'threshold'], parseSlicingSpec(s, [...at, 'slicing_specs', j])));
  });
}

function parseMetric(m: unknown, at: ParamPath, cfg: EvalConfig): void {
  const mo = asObject(m, at);
  checkKeys(mo, at, ['class_name', 'threshold', 'per_slice_thresholds']);
  const cls = field(mo, 'class_name', at);
  if (typeof cls !== 'string') throw bad([...at, 'class_name'], `expected a metric class name (${knownMetricClasses()})`);
  const metric = metricOfClass(cls);
  if (!metric) throw bad([...at, 'class_name'], `unknown metric class '${cls}' (known: ${knownMetricClasses()})`);
  if (!cfg.metrics.includes(metric)) cfg.metrics.push(metric);
  const t = field(mo, 'threshold', at);
  if (t !== undefined) addThreshold(cfg.thresholds, metric, t, [...at, 'threshold']);
  addPerSlice(cfg.thresholds, metric, field(mo, 'per_slice_thresholds', at), [...at, 'per_slice_thresholds']);
}

function parseMetricsSpec(v: unknown, path: ParamPath, cfg: EvalConfig): void {
  const o = asObject(v, path);
  checkKeys(o, path, ['metrics', 'thresholds', 'per_slice_thresholds']);
  mapAll(asArray(field(o, 'metrics', path), [...path, 'metrics']), (m, i) => parseMetric(m, [...path, 'metrics', i], cfg));
  const map = field(o, 'thresholds', path);
  for (const [name, t] of Object.entries(map === undefined ? {} : asObject(map, [...path, 'thresholds']))) {
    addThreshold(cfg.thresholds, metricByName(name, [...path, 'thresholds', name]), t, [...path, 'thresholds', name]);
  }
  const per = field(o, 'per_slice_thresholds', path);
  for (const [name, p] of Object.entries(per === undefined ? {} : asObject(per, [...path, 'per_slice_thresholds']))) {
    const at = [...path, 'per_slice_thresholds', name];
    const po = asObject(p, at);
    checkKeys(po, at, ['thresholds']);
    addPerSlice(cfg.thresholds, metricByName(name, at), field(po, 'thresholds', at), [...at, 'thresholds']);
  }
}

function labelKeyOf(specs: unknown[], path: ParamPath): string | undefined {
  if (specs.length > 2) throw bad(path, `at most two model specs (candidate and baseline), got ${specs.length}`);
  let label: string | undefined;
  mapAll(specs, (s, i) => {
    const at = [...path, i];
    const o = asObject(s, at);
    checkKeys(o, at, ['name', 'signature_name', 'label_key', 'prediction_key', 'is_baseline', 'preprocessing_function_names', 'model_type']);
    const lk = field(o, 'label_key', at);
    if (lk !== undefined && (typeof lk !== 'string' || lk === '')) throw bad([...at, 'label_key'], `expected a feature name, got ${JSON.stringify(lk)}`);
    if (field(o, 'is_baseline', at) !== true && typeof lk === 'string') label = lk;
  });
  return label;
}

/** Parses eval_config (an object; absent → defaults). Errors: BAD_PARAM (ParamProblemError) at the field's path. */
export function parseEvalConfig(v: unknown, name = 'eval_config'): EvalConfig {
  const root = [name];
  const o: Obj = v === undefined || v === null ? {} : asObject(v, root);
  checkKeys(o, root, ['model_specs', 'slicing_specs', 'metrics_specs', 'options']);
  const slicing = mapAll(asArray(field(o, 'slicing_specs', root), [name, 'slicing_specs']), (s, i) => parseSlicingSpec(s, [name, 'slicing_specs', i]));
  const labelKey = labelKeyOf(asArray(field(o, 'model_specs', root), [name, 'model_specs']), [name, 'model_specs']);
  const cfg: EvalConfig = { ...(labelKey ? { labelKey } : {}), slicingSpecs: slicing.length ? slicing : [OVERALL], metrics: [], thresholds: [] };
  mapAll(asArray(field(o, 'metrics_specs', root), [name, 'metrics_specs']), (m, i) => parseMetricsSpec(m, [name, 'metrics_specs', i], cfg));
  return cfg;
}

/** For the spec: the problems of eval_config (an object or its JSON text), by the executor's parser. */
export const checkEvalConfig = checkerOf((v) => parseEvalConfig(parseJsonParam(v, 'eval_config')), { protoNames: true });
