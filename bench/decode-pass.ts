/**
 * decodePass: every record of some splits of an Examples folder read (gunzip, both CRCs) and decoded with
 * decodeExample, in the executors' order (splits as given, files sorted) — the floor for any component that
 * reads Examples. With `rewriteTo`, each decoded example is also re-encoded and written to a gzipped TFRecord
 * per split there (what Transform's materialize step does around the graph itself).
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeExample, encodeExample } from '../proto/example-codec.js';
import { readTFRecords, TFRecordWriter } from '../proto/tfrecord.js';

export interface DecodePass { records: number; ms: number }

export async function decodePass(uri: string, splits: readonly string[], rewriteTo?: string): Promise<DecodePass> {
  const t0 = performance.now();
  let records = 0;
  for (const split of splits) {
    const dir = join(uri, `Split-${split}`);
    let writer: TFRecordWriter | undefined;
    if (rewriteTo) {
      mkdirSync(join(rewriteTo, `Split-${split}`), { recursive: true });
      writer = await TFRecordWriter.open(join(rewriteTo, `Split-${split}`, 'rewritten.gz'), { gzip: true });
    }
    try {
      for (const name of readdirSync(dir).sort()) {
        const file = join(dir, name);
        for await (const { data, offset } of readTFRecords(file, { gzip: 'auto' })) {
          const features = decodeExample(data, { file, offset });
          records++;
          if (writer) {
            const pending = writer.write(encodeExample(features));
            if (pending) await pending;
          }
        }
      }
    } finally {
      await writer?.close();
    }
  }
  return { records, ms: performance.now() - t0 };
}
