/** The Evaluator's example_splits param: its form (also checked during validation) and the splits it names. */
import { PipelineError } from '../../metadata/errors.js';
import type { InputArtifact } from '../../orchestrator/component.js';
import { badAt, checkerOf } from '../../orchestrator/param-check.js';
import { artifactSplits } from '../shared/split-names.js';
import { parseJsonParam } from './config-fields.js';

/** example_splits as written: a non-empty JSON list of split names (string or array); absent → ["eval"]. */
export function parseExampleSplits(v: unknown): string[] {
  const raw = parseJsonParam(v, 'example_splits');
  const list = raw === undefined || raw === null ? ['eval'] : raw;
  if (!Array.isArray(list) || list.length === 0 || !list.every((s) => typeof s === 'string' && s !== '')) {
    throw badAt(['example_splits'], `must be a non-empty JSON list of split names, got ${JSON.stringify(v)}`);
  }
  return list as string[];
}

/** For the spec. */
export const checkExampleSplits = checkerOf(parseExampleSplits);

/** example_splits, each a split the examples artifact has. */
export function exampleSplits(v: unknown, examples: InputArtifact): string[] {
  const list = parseExampleSplits(v);
  const known = artifactSplits(examples);
  const unknown = list.filter((s) => !known.includes(s));
  if (unknown.length) throw new PipelineError('BAD_PARAM', `example_splits: examples artifact ${examples.id} has no split ${unknown.join(', ')} (splits: ${known.join(', ')})`);
  return list;
}
