/**
 * StepTimes: how long each of a node's steps took (resolve inputs, cache key, cache lookup, execute, digest and
 * seal, publish …), as laps of the run's clock. Recorded on the execution as the struct property `steps`
 * ({step: ms}; a Struct keeps no key order) — what `runs show` lists, slowest first, as its per-step performance table.
 */
import type { MetadataStore } from '../metadata/store.js';

export const STEPS_PROP = 'steps';

export class StepTimes {
  private readonly laps: Record<string, number> = {};
  private last: number;

  constructor(private readonly clock: () => number, start = clock(), prior: Record<string, number> = {}) {
    this.last = start;
    Object.assign(this.laps, prior);
  }

  /** Ends the current step: the time since the previous lap is booked on `step` (added, when it repeats). */
  lap(step: string): void {
    const now = this.clock();
    this.laps[step] = (this.laps[step] ?? 0) + Math.max(0, now - this.last);
    this.last = now;
  }

  toJSON(): Record<string, number> {
    return { ...this.laps };
  }

  /** Ends the last step and records them all on the execution. */
  record(store: MetadataStore, executionId: number, lastStep: string): void {
    this.lap(lastStep);
    store.updateExecution(executionId, { customProperties: { [STEPS_PROP]: this.toJSON() } });
  }
}
