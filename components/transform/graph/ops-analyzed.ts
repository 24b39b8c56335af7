/**
 * Operations that apply analyzer results, with TFT's semantics:
 * - apply_vocabulary: the entry's line number in the vocabulary; a value not in it → vocab_size +
 *   Fingerprint64(value) mod num_oov_buckets (TF's StaticVocabularyTable), or default_value when there are no OOV
 *   buckets. Int inputs are looked up by their decimal text.
 * - apply_buckets: index of the bucket: the number of boundaries ≤ x (x < b[0] → 0; x ≥ b[last] → len);
 *   NaN → the last bucket, like tft.apply_buckets; a float column is compared with float32 boundaries.
 * - hash_strings: Fingerprint64(UTF-8 bytes) mod hash_buckets (tf.strings.to_hash_bucket_fast).
 * - z_score: (x − mean) / sqrt(var), or x − mean when var is 0 (tft.scale_to_z_score).
 * - min_max: (x − min) / (max − min) mapped onto [output_min, output_max]; when the analyze split had a single
 *   distinct value or none (min ≥ max), sigmoid(x) mapped onto that range, as tft.scale_by_min_max does.
 */
import { map1, map3 } from './broadcast.js';
import { hashBucket } from './farmhash.js';
import { numAttr, type Kernel, type OpTable } from './op-table.js';

type N = number[];

/** hashBucket with a bounded memo (hashing is BigInt arithmetic; categorical values repeat a lot). */
function memoBucket(buckets: number): (s: string) => number {
  const memo = new Map<string, number>();
  return (s) => {
    let v = memo.get(s);
    if (v === undefined) {
      v = hashBucket(s, buckets);
      if (memo.size >= 65536) memo.clear();
      memo.set(s, v);
    }
    return v;
  };
}

function vocabularyKernel(values: string[], oov: number, defaultValue: number, intKeys: boolean): Kernel {
  const index = new Map<string, number>();
  values.forEach((v, i) => index.set(v, i));
  const size = values.length;
  const oovBucket = oov > 0 ? memoBucket(oov) : () => 0;
  const look = (s: string): number => {
    const i = index.get(s);
    if (i !== undefined) return i;
    return oov > 0 ? size + oovBucket(s) : defaultValue;
  };
  return intKeys ? ([a]) => map1(a as N, (x) => look(String(x))) : ([a]) => map1(a as string[], look);
}

/** Number of boundaries ≤ x (bisect right); NaN → boundaries.length. */
export function bucketOf(boundaries: readonly number[], x: number): number {
  if (Number.isNaN(x)) return boundaries.length;
  let lo = 0;
  let hi = boundaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (boundaries[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const ANALYZED_OPS: OpTable = {
  apply_vocabulary: {
    arity: 2,
    compile: ({ node, inputs, result }) => {
      const r = result(inputs[1].id);
      if (r.kind !== 'vocabulary') throw new Error(`node ${node.id} (apply_vocabulary): input ${inputs[1].id} is not a vocabulary`);
      return vocabularyKernel(r.values, numAttr(node, 'num_oov_buckets'), numAttr(node, 'default_value'), inputs[0].dtype !== 'string');
    },
  },
  apply_buckets: {
    arity: 2,
    // A float column meets its boundaries in float32, as TF compares a float32 feature with float32 boundaries:
    // the value 0.7 read from the data falls in the bucket that starts at the boundary 0.7.
    compile: ({ inputs }) => {
      const f32 = inputs[0].dtype === 'float';
      let seen: N | undefined;
      let bounds: N = [];
      return ([x, b]) => {
        if (b !== seen) { seen = b as N; bounds = f32 ? seen.map(Math.fround) : seen; }
        return map1(x as N, (v) => bucketOf(bounds, v));
      };
    },
  },
  hash_strings: {
    arity: 1,
    compile: ({ node }) => {
      const bucket = memoBucket(numAttr(node, 'hash_buckets'));
      return ([a]) => map1(a as string[], bucket);
    },
  },
  z_score: {
    arity: 3,
    compile: () => ([x, mean, v]) => map3('z_score', x as N, mean as N, v as N, (a, m, s2) => (s2 === 0 ? a - m : (a - m) / Math.sqrt(s2))),
  },
  min_max: {
    arity: 3,
    compile: ({ node }) => {
      const lo = numAttr(node, 'output_min');
      const hi = numAttr(node, 'output_max');
      return ([x, mn, mx]) => map3('min_max', x as N, mn as N, mx as N, (a, l, h) => (l < h ? (a - l) / (h - l) : 1 / (1 + Math.exp(-a))) * (hi - lo) + lo);
    },
  },
};
