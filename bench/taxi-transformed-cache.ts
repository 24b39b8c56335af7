/**
 * The taxi pipeline's data up to Transform for the benchmarks, made once and kept in bench/out/ (git-ignored):
 * the cached raw Examples (taxi-examples-cache.ts) → StatisticsGen → SchemaGen (infer_feature_shape) → Transform
 * with examples/taxi/preprocessing.ts, executors called directly, under
 * bench/out/taxi-transformed-<rows>-seed<seed>/{statistics_gen,schema_gen,transform}/<output key>/ and a
 * bench/out/taxi-transformed-<rows>-seed<seed>.json with the total byte count. Reused only when the folder still
 * holds exactly that many bytes; otherwise rebuilt in a temporary folder and renamed into place.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaGen } from '../components/schema-gen/index.js';
import { statisticsGen } from '../components/statistics-gen/index.js';
import { transform } from '../components/transform/index.js';
import type { InputArtifact } from '../orchestrator/component.js';
import { BENCH_OUT, REPO_ROOT, treeBytes } from './bench-kit.js';
import { inputArtifact, runExecutor } from './run-executor.js';
import { ensureTaxiExamples, type TaxiExamples } from './taxi-examples-cache.js';

export const TAXI_MODULE = join(REPO_ROOT, 'examples', 'taxi', 'preprocessing.ts');

export interface TaxiTransformed {
  raw: TaxiExamples;
  /** Input artifacts as Transform and Trainer receive them. */
  examples: InputArtifact;
  schema: InputArtifact;
  transformGraph: InputArtifact;
  transformedExamples: InputArtifact;
  /** Transformed split names, in Transform's order. */
  splitNames: string[];
  bytes: number;
  /** Milliseconds spent now (raw examples, statistics, schema, transform); 0 when all was reused. */
  prepareMs: number;
}

interface Meta { bytes: number; splitNames: string[] }

function readMeta(file: string): Meta | undefined {
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Partial<Meta>;
    return typeof m.bytes === 'number' && Array.isArray(m.splitNames) ? (m as Meta) : undefined;
  } catch {
    return undefined;
  }
}

function artifacts(raw: TaxiExamples, root: string, splitNames: string[]): Omit<TaxiTransformed, 'bytes' | 'prepareMs'> {
  const t = join(root, 'transform');
  return {
    raw, splitNames,
    examples: inputArtifact('Examples', raw.uri, { properties: { split_names: JSON.stringify(raw.splitNames) } }),
    schema: inputArtifact('Schema', join(root, 'schema_gen', 'schema')),
    transformGraph: inputArtifact('TransformGraph', join(t, 'transform_graph')),
    transformedExamples: inputArtifact('Examples', join(t, 'transformed_examples'), { properties: { split_names: JSON.stringify(splitNames) } }),
  };
}

export async function ensureTaxiTransformed(rows: number, seed = 7): Promise<TaxiTransformed> {
  const name = `taxi-transformed-${rows}-seed${seed}`;
  const root = join(BENCH_OUT, name);
  const metaFile = join(BENCH_OUT, `${name}.json`);
  const t0 = performance.now();
  const raw = await ensureTaxiExamples(rows, seed);
  const meta = readMeta(metaFile);
  if (meta && raw.prepareMs === 0 && existsSync(root) && treeBytes(root) === meta.bytes) {
    return { ...artifacts(raw, root, meta.splitNames), bytes: meta.bytes, prepareMs: 0 };
  }
  const partial = join(BENCH_OUT, `.${name}.partial`);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const examples = inputArtifact('Examples', raw.uri, { properties: { split_names: JSON.stringify(raw.splitNames) } });
  const sg = await runExecutor(statisticsGen, join(partial, 'statistics_gen'), { examples: [examples] }, {});
  const stats = inputArtifact('ExampleStatistics', sg.uris.statistics, sg.result.statistics);
  const sc = await runExecutor(schemaGen, join(partial, 'schema_gen'), { statistics: [stats] }, { infer_feature_shape: true });
  const schema = inputArtifact('Schema', sc.uris.schema);
  const tr = await runExecutor(transform, join(partial, 'transform'), { examples: [examples], schema: [schema] }, { module_file: TAXI_MODULE });
  const splitNames = JSON.parse(String(tr.result.transformed_examples?.properties?.split_names ?? '[]')) as string[];
  if (splitNames.length === 0) throw new Error(`Transform of ${raw.uri} reported no split_names`);
  for (const step of ['statistics_gen', 'schema_gen', 'transform']) rmSync(join(partial, step, 'tmp'), { recursive: true, force: true });
  const bytes = treeBytes(partial);
  rmSync(root, { recursive: true, force: true });
  renameSync(partial, root);
  writeFileSync(metaFile, JSON.stringify({ rows, seed, bytes, splitNames }) + '\n');
  return { ...artifacts(raw, root, splitNames), bytes, prepareMs: performance.now() - t0 };
}
