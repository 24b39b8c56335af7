/**
 * splitStats: one streaming pass over the TFRecord files of one Examples split directory (sorted file order,
 * so the sketches — and the output bytes — are deterministic), decoding each tf.Example into a
 * StatsAccumulator. Memory: one record at a time plus the accumulator.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { located } from '../../metadata/errors.js';
import { decodeExample } from '../../proto/example-codec.js';
import { readTFRecords } from '../../proto/tfrecord.js';
import type { SchemaHints } from './schema-hints.js';
import { StatsAccumulator } from './stats-accumulator.js';

const PROGRESS_EVERY = 16384;

/** Data files of a split directory, sorted; a missing directory → MISSING_FILE. */
export function splitFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw located('MISSING_FILE', { file: dir }, 'split directory does not exist');
    throw e;
  }
  return names.sort().map((n) => join(dir, n));
}

export async function splitStats(
  dir: string, k: number, hints: SchemaHints, progress?: (records: number) => void,
): Promise<StatsAccumulator> {
  const acc = new StatsAccumulator(k, hints.bytesFeatures, hints.categoricalInts);
  for (const file of splitFiles(dir)) {
    const place = { file, offset: 0 }; // reused: only read when an error is thrown for this record
    for await (const { data, offset } of readTFRecords(file, { gzip: 'auto' })) {
      place.offset = offset;
      acc.add(decodeExample(data, place), place);
      if (progress && acc.numExamples % PROGRESS_EVERY === 0) progress(acc.numExamples);
    }
  }
  return acc;
}
