/** Shared by the components. Split-name lists as TFX keeps them: an artifact's split_names property and the exclude_splits param (JSON lists). */
import { PipelineError } from '../../metadata/errors.js';
import type { InputArtifact } from '../../orchestrator/component.js';
import { badAt, checkerOf } from '../../orchestrator/param-check.js';

function stringList(v: unknown): string[] | undefined {
  let list = v;
  if (typeof v === 'string') {
    try {
      list = JSON.parse(v);
    } catch {
      return undefined;
    }
  }
  return Array.isArray(list) && list.every((s) => typeof s === 'string') ? list : undefined;
}

/** exclude_splits: a JSON list of split names, as a string or an array; absent → []. */
export function excludedSplits(v: unknown): string[] {
  if (v === undefined || v === null || v === '') return [];
  const list = stringList(v);
  if (!list) throw badAt(['exclude_splits'], `must be a JSON list of split names, got ${JSON.stringify(v)}`);
  return list;
}

/** For the specs' exclude_splits. */
export const checkExcludeSplits = checkerOf(excludedSplits);

/** The splits an artifact declares in its split_names property. */
export function artifactSplits(a: InputArtifact): string[] {
  const list = stringList(a.properties.split_names);
  if (!list) {
    throw new PipelineError('MISSING_INPUT', `${a.type} artifact ${a.id} (${a.uri}) has no valid split_names property (got ${JSON.stringify(a.properties.split_names)})`, { artifactId: a.id });
  }
  return list;
}
