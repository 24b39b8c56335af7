/**
 * What TFDV's basic statistics take from an optional schema:
 * - features with an image_domain are "bytes features" — typed BYTES, described by bytes_stats, left out of
 *   top-k/uniques (schema_util.get_bytes_features);
 * - categorical INT features (int_domain.is_categorical, or a bool_domain / natural_language_domain:
 *   schema_util.is_categorical_feature) keep type INT but get string_stats instead of num_stats: top values,
 *   uniques and rank histogram of their decimal strings, avg_length = mean length of those strings
 *   (top_k_uniques_stats_util.output_categorical_numeric). Only when the data really is INT.
 *   (TFDV does the same for FLOAT features with float_domain.is_categorical, labelled with Python's float repr;
 *   that is not applied here.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { located } from '../../metadata/errors.js';
import type { InputArtifact } from '../../orchestrator/component.js';
import { parseSchemaText } from '../../proto/tfmd/index.js';

export const SCHEMA_FILE = 'schema.pbtxt';

export interface SchemaHints {
  /** image_domain features. */
  bytesFeatures: Set<string>;
  /** INT features to describe as categorical (string_stats). */
  categoricalInts: Set<string>;
}

/** The hints of the schema artifact's top-level features; no schema artifact → none. */
export function schemaHintsOf(schema: InputArtifact | undefined): SchemaHints {
  if (!schema) return { bytesFeatures: new Set(), categoricalInts: new Set() };
  const file = join(schema.uri, SCHEMA_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw located('MISSING_FILE', { file }, 'schema artifact has no schema.pbtxt');
    throw e;
  }
  const features = (parseSchemaText(text, file).feature ?? []).filter((f) => f.name);
  return {
    bytesFeatures: new Set(features.filter((f) => f.imageDomain !== undefined).map((f) => f.name!)),
    categoricalInts: new Set(features.filter((f) => f.type === 'INT'
      && (f.intDomain?.isCategorical === true || f.boolDomain !== undefined || f.naturalLanguageDomain !== undefined)).map((f) => f.name!)),
  };
}
