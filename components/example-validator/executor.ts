/**
 * ExampleValidator's executor, as TFX's (components/example_validator/executor.py) plus skew and drift:
 * for each split of the statistics (minus exclude_splits), validateStatistics against the schema, with
 * - drift: the same split of previous_statistics, when that artifact was resolved and has the split;
 * - skew: for every split other than "train", the "train" split's statistics as the training data
 *   (skew measured train → split, reported on the split; "train" serves as reference even when excluded);
 * writes Split-<name>/SchemaDiff.pb and report.txt under the anomalies uri. Output properties as TFX:
 * split_names (the splits validated), span (the statistics' span); custom properties blessed (a JSON object
 * {"split": 1 | 0}, stored as MLMD's STRUCT as TFX's set_json_value_custom_property does; 0 when anomaly_info
 * or dataset_anomaly_info is non-empty), anomalies_found (their
 * number over all splits) and fail_on_anomalies (1 | 0): the runner stops after a node with both set.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PipelineError } from '../../metadata/errors.js';
import type { ExecutorContext, ExecutorResult, InputArtifact } from '../../orchestrator/component.js';
import { encodeAnomalies, type AnomaliesObject, type DatasetStatsObject } from '../../proto/tfmd/index.js';
import { artifactSplits, excludedSplits } from '../shared/split-names.js';
import { anomaliesFile } from './read-anomalies.js';
import { readSchema, readSplitStatistics } from './read-inputs.js';
import { anomaliesReport, countAnomalies } from './report.js';
import { validateStatistics } from './validate.js';

export const TRAIN_SPLIT = 'train';
export const REPORT_FILE = 'report.txt';

function single(ctx: ExecutorContext, key: string): InputArtifact {
  const list = ctx.inputs[key] ?? [];
  if (list.length !== 1) throw new PipelineError('MISSING_INPUT', `ExampleValidator needs exactly one ${key} artifact, got ${list.length}`, { nodeId: ctx.nodeId });
  return list[0];
}

function previousSplit(previous: InputArtifact | undefined, split: string): DatasetStatsObject | undefined {
  if (!previous || !artifactSplits(previous).includes(split)) return undefined;
  return readSplitStatistics(previous, split);
}

export async function exampleValidatorExecutor(ctx: ExecutorContext): Promise<ExecutorResult> {
  const statistics = single(ctx, 'statistics');
  const schema = readSchema(single(ctx, 'schema'));
  const previous = ctx.inputs.previous_statistics?.[0];
  const exclude = excludedSplits(ctx.params.exclude_splits);
  const available = artifactSplits(statistics);
  const splits = available.filter((s) => !exclude.includes(s));
  const training = available.includes(TRAIN_SPLIT) ? readSplitStatistics(statistics, TRAIN_SPLIT) : undefined;
  const uri = ctx.outputs.anomalies.uri;
  const bySplit: Record<string, AnomaliesObject> = {};
  const blessed: Record<string, number> = {};
  let found = 0;
  splits.forEach((split, i) => {
    const anomalies = validateStatistics(readSplitStatistics(statistics, split), schema, {
      previousSpan: previousSplit(previous, split),
      training: split === TRAIN_SPLIT ? undefined : training,
    });
    const file = anomaliesFile(uri, split);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, encodeAnomalies(anomalies));
    const n = countAnomalies(anomalies);
    found += n;
    blessed[split] = n > 0 ? 0 : 1;
    bySplit[split] = anomalies;
    ctx.log.info('split validated', { split, anomalies: n, dataMissing: anomalies.dataMissing === true });
    ctx.progress(i + 1, splits.length, 'splits');
  });
  mkdirSync(uri, { recursive: true });
  writeFileSync(join(uri, REPORT_FILE), anomaliesReport(bySplit));
  const span = statistics.properties.span;
  return {
    anomalies: {
      properties: { split_names: JSON.stringify(splits), span: typeof span === 'number' ? span : 0 },
      customProperties: { blessed, anomalies_found: found, fail_on_anomalies: ctx.params.fail_on_anomalies === true ? 1 : 0 },
    },
  };
}
