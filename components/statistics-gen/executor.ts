/**
 * StatisticsGen's executor: for each split of the examples (minus exclude_splits), one streaming pass into
 * a StatsAccumulator, then `Split-<name>/FeatureStats.pb` (binary DatasetFeatureStatisticsList) under the
 * statistics output uri. Output properties as TFX sets them: split_names (the splits written), span (the
 * examples' span); `Split-<name>/report.html`, a self-contained HTML report. An optional schema marks image_domain features as BYTES (schema-hints.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PipelineError } from '../../metadata/errors.js';
import type { ExecutorContext, ExecutorResult } from '../../orchestrator/component.js';
import { encodeStatisticsList, type DatasetStatsObject } from '../../proto/tfmd/index.js';
import { renderStatsHtml } from './report/render-html.js';
import { statisticsList } from './extract-stats.js';
import { kForEpsilon } from './kll-sketch.js';
import { schemaHintsOf } from './schema-hints.js';
import { splitStats } from './split-stats.js';
import { artifactSplits, excludedSplits } from '../shared/split-names.js';
import { parseStatsOptions } from './stats-options.js';

export const STATS_FILE = 'FeatureStats.pb';
export const REPORT_FILE = 'report.html';

export async function statisticsGenExecutor(ctx: ExecutorContext): Promise<ExecutorResult> {
  const inputs = ctx.inputs.examples ?? [];
  if (inputs.length !== 1) throw new PipelineError('MISSING_INPUT', `StatisticsGen needs exactly one examples artifact, got ${inputs.length}`);
  const examples = inputs[0];
  const hints = schemaHintsOf(ctx.inputs.schema?.[0]);
  const opts = { ...parseStatsOptions(ctx.params.stats_options_json), bytesFeatures: hints.bytesFeatures };
  const exclude = excludedSplits(ctx.params.exclude_splits);
  const splits = artifactSplits(examples).filter((s) => !exclude.includes(s));
  const k = kForEpsilon(opts.epsilon);
  let before = 0;
  const reportInput: { name: string; stats: DatasetStatsObject }[] = [];
  for (const split of splits) {
    const acc = await splitStats(join(examples.uri, `Split-${split}`), k, hints, (n) => ctx.progress(before + n, undefined, 'examples'));
    before += acc.numExamples;
    const dir = join(ctx.outputs.statistics.uri, `Split-${split}`);
    mkdirSync(dir, { recursive: true });
    const list = statisticsList(acc, opts);
    writeFileSync(join(dir, STATS_FILE), encodeStatisticsList(list));
    reportInput.push({ name: split, stats: list.datasets?.[0] ?? {} });
    ctx.log.info('statistics computed', { split, examples: acc.numExamples, features: acc.features.size });
  }
  // The TFDV/Facets view: one self-contained report per split, that split beside the others.
  for (const { name } of reportInput) writeFileSync(join(ctx.outputs.statistics.uri, `Split-${name}`, REPORT_FILE), renderStatsHtml(reportInput, name));
  ctx.progress(before, before, 'examples');
  const span = examples.properties.span;
  return { statistics: { properties: { split_names: JSON.stringify(splits), span: typeof span === 'number' ? span : 0 } } };
}
