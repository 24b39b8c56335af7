/**
 * FeatureAccumulator: the mergeable partial statistics of one feature (TFDV's _PartialBasicStats plus the
 * top-k/uniques counts): presence and valency, numeric moments + KLL sketch, string lengths + value counts.
 * Memory is bounded (the sketch is O(k)) except for the distinct-value counts of string features.
 *
 * Feature semantics (tfx_bsl's tf.Example decoding as TFDV sees it): an empty `Feature{}` or an empty list
 * is present with 0 values; the kind of the first non-empty Feature fixes the type (int64 → INT, float →
 * FLOAT, bytes → STRING); another kind later is a TYPE_MISMATCH error.
 */
import { PipelineError, located, type ErrorPlace } from '../../metadata/errors.js';
import type { Feature } from '../../proto/example-codec.js';
import { KllSketch } from './kll-sketch.js';
import { ValencyCounts } from './valency-counts.js';
import { ValueCounter } from './value-counter.js';

export type ValueKind = 'int64' | 'float' | 'bytes';
const ENCODER = new TextEncoder();

/** Numeric partial stats: NaNs counted apart; moments over finite values (Welford), ±inf counted. */
export class NumericPart {
  numNan = 0;
  numZeros = 0;
  min = Infinity;
  max = -Infinity;
  posInf = 0;
  negInf = 0;
  /** Finite values: count, running mean, sum of squared deviations; min/max. */
  count = 0;
  mean = 0;
  m2 = 0;
  finiteMin = Infinity;
  finiteMax = -Infinity;
  readonly sketch: KllSketch;

  constructor(k: number) {
    this.sketch = new KllSketch(k);
  }

  addValue(x: number): void {
    if (x !== x) {
      this.numNan++;
      return;
    }
    if (x === 0) this.numZeros++;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    if (x === Infinity) this.posInf++;
    else if (x === -Infinity) this.negInf++;
    else {
      const n = ++this.count;
      const d = x - this.mean;
      this.mean += d / n;
      this.m2 += d * (x - this.mean);
      if (x < this.finiteMin) this.finiteMin = x;
      if (x > this.finiteMax) this.finiteMax = x;
    }
    this.sketch.add(x);
  }

  merge(o: NumericPart): void {
    this.numNan += o.numNan;
    this.numZeros += o.numZeros;
    this.min = Math.min(this.min, o.min);
    this.max = Math.max(this.max, o.max);
    this.posInf += o.posInf;
    this.negInf += o.negInf;
    this.finiteMin = Math.min(this.finiteMin, o.finiteMin);
    this.finiteMax = Math.max(this.finiteMax, o.finiteMax);
    const n = this.count + o.count;
    if (o.count > 0) {
      const d = o.mean - this.mean;
      this.mean += (d * o.count) / n;
      this.m2 += o.m2 + (d * d * this.count * o.count) / n;
      this.count = n;
    }
    this.sketch.merge(o.sketch);
  }
}

export class FeatureAccumulator {
  kind: ValueKind | undefined;
  numNonMissing = 0;
  minNumValues = Infinity;
  maxNumValues = 0;
  totNumValues = 0;
  readonly valency = new ValencyCounts();
  numeric: NumericPart | undefined;
  /** bytes: total, shortest and longest value length, and per-value counts. */
  totalBytes = 0;
  minBytes = Infinity;
  maxBytes = 0;
  values: ValueCounter | undefined;

  /**
   * `countValues` false: a schema bytes feature (image_domain) — lengths only, no per-value counts.
   * `categoricalInt`: a schema categorical INT feature — int64 values are counted (and measured) as their decimal
   * strings, no numeric part.
   */
  constructor(readonly name: string, private readonly k: number, private readonly countValues = true, readonly categoricalInt = false) {}

  add(f: Feature, place?: ErrorPlace): void {
    let n = 0;
    if (f.kind !== 'none') {
      if (this.kind !== f.kind) this.setKind(f.kind, place);
      n = f.value.length;
      if (f.kind === 'bytes') {
        const vc = this.values;
        const v = f.value;
        for (let i = 0; i < n; i++) {
          const len = v[i].length;
          this.totalBytes += len;
          if (len < this.minBytes) this.minBytes = len;
          if (len > this.maxBytes) this.maxBytes = len;
          if (vc) vc.add(v[i]);
        }
      } else if (f.kind === 'float') {
        const num = this.numeric!;
        const v = f.value;
        for (let i = 0; i < n; i++) num.addValue(v[i]);
      } else if (this.numeric) {
        const num = this.numeric;
        const v = f.value;
        for (let i = 0; i < n; i++) {
          const x = v[i];
          num.addValue(typeof x === 'number' ? x : Number(x));
        }
      } else {
        const vc = this.values!;
        const v = f.value;
        for (let i = 0; i < n; i++) {
          const text = ENCODER.encode(String(v[i]));
          this.totalBytes += text.length;
          vc.add(text);
        }
      }
    }
    this.numNonMissing++;
    if (n < this.minNumValues) this.minNumValues = n;
    if (n > this.maxNumValues) this.maxNumValues = n;
    this.totNumValues += n;
    this.valency.add(n);
  }

  /** Fold `o` (same feature, another shard) into this one; `o` is left unchanged. */
  merge(o: FeatureAccumulator): void {
    if (o.kind !== undefined && this.kind !== o.kind) this.setKind(o.kind, {});
    this.numNonMissing += o.numNonMissing;
    this.minNumValues = Math.min(this.minNumValues, o.minNumValues);
    this.maxNumValues = Math.max(this.maxNumValues, o.maxNumValues);
    this.totNumValues += o.totNumValues;
    this.valency.merge(o.valency);
    if (o.numeric) this.numeric!.merge(o.numeric);
    this.totalBytes += o.totalBytes;
    this.minBytes = Math.min(this.minBytes, o.minBytes);
    this.maxBytes = Math.max(this.maxBytes, o.maxBytes);
    if (o.values && this.values) this.values.merge(o.values);
  }

  private setKind(kind: ValueKind, place: ErrorPlace | undefined): void {
    if (this.kind !== undefined) {
      const msg = `feature "${this.name}" has ${kind} values here but ${this.kind} values elsewhere in the split`;
      throw place?.file ? located('TYPE_MISMATCH', place, msg) : new PipelineError('TYPE_MISMATCH', msg, place);
    }
    this.kind = kind;
    if (kind === 'bytes') this.values = this.countValues ? new ValueCounter() : undefined;
    else if (kind === 'int64' && this.categoricalInt) this.values = new ValueCounter();
    else this.numeric = new NumericPart(this.k);
  }
}
