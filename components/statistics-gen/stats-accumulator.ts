/**
 * StatsAccumulator: the mergeable state of one split's statistics — example count and one
 * FeatureAccumulator per feature name. The four operations a distributed engine needs (Beam's CombineFn
 * shape): create (`new StatsAccumulator(k)`), add (`add(example)`), merge (`merge(other)`; shards computed
 * apart fold into one), extract (`extractDatasetStats` in extract-stats.ts). Counts merge exactly; quantiles
 * merge through the KLL sketch within its documented error.
 */
import { PipelineError, type ErrorPlace } from '../../metadata/errors.js';
import type { ExampleFeatures } from '../../proto/example-codec.js';
import { FeatureAccumulator } from './feature-accumulator.js';
import { kForEpsilon } from './kll-sketch.js';

export class StatsAccumulator {
  numExamples = 0;
  readonly features = new Map<string, FeatureAccumulator>();

  /**
   * `k`: KLL sketch size for numeric features (accumulators merge only with the same k).
   * `bytesFeatures`: schema bytes features (image_domain), whose values are not counted one by one.
   * `categoricalInts`: schema categorical INT features, whose values are counted as decimal strings.
   */
  constructor(readonly k = kForEpsilon(0.01), private readonly bytesFeatures: ReadonlySet<string> = new Set(),
    private readonly categoricalInts: ReadonlySet<string> = new Set()) {}

  private feature(name: string): FeatureAccumulator {
    const acc = new FeatureAccumulator(name, this.k, !this.bytesFeatures.has(name), this.categoricalInts.has(name));
    this.features.set(name, acc);
    return acc;
  }

  /** One example; `place` (file, record offset) names the record in error messages. */
  add(ex: ExampleFeatures, place?: ErrorPlace): void {
    this.numExamples++;
    const features = this.features;
    for (const name in ex) {
      (features.get(name) ?? this.feature(name)).add(ex[name], place);
    }
  }

  /** Fold another accumulator (another shard of the same split) into this one; `other` is unchanged. */
  merge(other: StatsAccumulator): this {
    if (other.k !== this.k) throw new PipelineError('BAD_PARAM', `cannot merge statistics sketched with k ${this.k} and ${other.k}`);
    this.numExamples += other.numExamples;
    for (const [name, acc] of other.features) {
      (this.features.get(name) ?? this.feature(name)).merge(acc);
    }
    return this;
  }
}
