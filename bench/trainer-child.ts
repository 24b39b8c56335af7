/**
 * The child process of bench/trainer-backends.ts: one Trainer executor run (declarative model) on the backend
 * TFX_TS_BACKEND names, so each backend starts from a clean process. Prints one JSON line (TrainerChildRun).
 * Usage: TFX_TS_BACKEND=wasm|cpu node dist/bench/trainer-child.js '<TrainerChildInput as JSON>'
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMAT_SERVING, METRICS_FILE, trainer } from '../components/trainer/index.js';
import type { InputArtifact } from '../orchestrator/component.js';
import { digestPath } from '../orchestrator/fingerprint.js';
import { isMain } from './bench-kit.js';
import { runExecutor } from './run-executor.js';

export interface TrainerChildInput {
  examples: InputArtifact;
  transformGraph: InputArtifact;
  schema: InputArtifact;
  model: Record<string, unknown>;
  outDir: string;
}

export interface TrainerChildRun {
  /** The backend the executor really used (tfjs falls back silently when the forced one fails to load). */
  backend: string;
  /** Executor wall time: backend start, training, the eval passes, saving. */
  ms: number;
  /** Training examples over all epochs, and the seconds the training loop spent on them (eval passes excluded). */
  trainExamples: number;
  trainSeconds: number;
  epochs: number;
  evalExamples: number;
  /** Last epoch's eval loss and metric (accuracy for the classifier). */
  evalLoss: number;
  evalMetric: number;
  /** digestPath of Format-Serving/ (model.json, weights.bin, signature.json, transform_graph/). */
  servingDigest: string;
  maxRssKiB: number;
}

interface Metrics { metric: string; epochs: { train: { examples: number }; eval?: { loss: number; examples: number; [k: string]: number } }[] }

export async function runTrainerChild(input: TrainerChildInput): Promise<TrainerChildRun> {
  const rates: number[] = [];
  const onLog = (msg: string, fields?: Record<string, unknown>): void => {
    if (/^epoch \d+\//.test(msg) && typeof fields?.examples_per_s === 'number') rates.push(fields.examples_per_s);
  };
  const run = await runExecutor(trainer, input.outDir, {
    examples: [input.examples], transform_graph: [input.transformGraph], schema: [input.schema],
  }, { model: input.model }, onLog);
  const metrics = JSON.parse(readFileSync(join(run.uris.model_run, METRICS_FILE), 'utf8')) as Metrics;
  if (rates.length !== metrics.epochs.length) throw new Error(`saw ${rates.length} epoch log lines for ${metrics.epochs.length} epochs`);
  const last = metrics.epochs[metrics.epochs.length - 1]?.eval;
  return {
    backend: String(run.result.model?.customProperties?.tfjs_backend ?? 'unknown'),
    ms: run.ms,
    trainExamples: metrics.epochs.reduce((s, e) => s + e.train.examples, 0),
    // The executor logs examples_per_s (rounded) per epoch; examples / rate is that epoch's training seconds.
    trainSeconds: metrics.epochs.reduce((s, e, i) => s + e.train.examples / rates[i], 0),
    epochs: metrics.epochs.length,
    evalExamples: last?.examples ?? 0,
    evalLoss: last?.loss ?? NaN,
    evalMetric: last?.[metrics.metric] ?? NaN,
    servingDigest: await digestPath(join(run.uris.model, FORMAT_SERVING)),
    maxRssKiB: process.resourceUsage().maxRSS,
  };
}

if (isMain(import.meta.url)) {
  const run = await runTrainerChild(JSON.parse(process.argv[2] ?? '') as TrainerChildInput);
  process.stdout.write(JSON.stringify(run) + '\n');
}
