/**
 * UnsortedSegmentSum, the kernel behind the gradient of gather (an Embedding layer's lookup), as one sequential pass
 * over the ids in index order (deterministic):
 * - wasm: tfjs-backend-wasm 4.22 has no such kernel at all; sums accumulate in float32.
 * - cpu: tfjs-backend-cpu's own kernel builds a mask per segment and sums all N rows for each of them
 *   (O(segments × N × dim): 88% of a cpu training step on the taxi model). This replacement accumulates in float64
 *   over the same values in the same order, as that kernel's Sum does, so it yields the same float32 results —
 *   the same model bytes — in one pass.
 */
import type { BackendName } from '../../orchestrator/backend.js';
import type { Tf } from './tfjs.js';

type TypedArray = Float32Array | Int32Array | Uint8Array;
interface TensorInfo { dataId: object; shape: number[]; dtype: string }
interface WasmBackend {
  readSync(dataId: object): TypedArray;
  makeOutput(shape: number[], dtype: string, memoryOffset?: number, values?: TypedArray): TensorInfo;
}
interface CpuBackend {
  readSync(dataId: object): TypedArray;
  makeTensorInfo(shape: number[], dtype: string, values?: TypedArray): TensorInfo;
}

/** out[ids[i]] += values[i] (rows of `inner` values), in index order; ids outside [0, n) are dropped. */
export function segmentSum(values: ArrayLike<number>, ids: ArrayLike<number>, n: number, inner: number, out: Float32Array | Float64Array | Int32Array): void {
  for (let i = 0; i < ids.length; i++) {
    const s = ids[i];
    if (s < 0 || s >= n) continue;
    const from = i * inner;
    const to = s * inner;
    for (let k = 0; k < inner; k++) out[to + k] += values[from + k];
  }
}

export function registerSegmentSumKernel(tf: Tf, backend: BackendName): void {
  if (backend === 'tensorflow') return;
  if (backend === 'wasm' && tf.getKernel('UnsortedSegmentSum', 'wasm')) return;
  if (backend === 'cpu') tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: backend,
    kernelFunc: ({ inputs, backend: b, attrs }) => {
      const host = b as unknown as WasmBackend & CpuBackend;
      const { x, segmentIds } = inputs as unknown as { x: TensorInfo; segmentIds: TensorInfo };
      const n = (attrs as { numSegments: number }).numSegments;
      const values = host.readSync(x.dataId);
      const ids = host.readSync(segmentIds.dataId);
      const innerShape = x.shape.slice(segmentIds.shape.length);
      const inner = innerShape.reduce((a, d) => a * d, 1);
      const shape = [n, ...innerShape];
      let out: Int32Array | Float32Array;
      if (x.dtype === 'int32') {
        out = new Int32Array(n * inner);
        segmentSum(values, ids, n, inner, out);
      } else if (backend === 'wasm') {
        out = new Float32Array(n * inner);
        segmentSum(values, ids, n, inner, out);
      } else {
        const wide = new Float64Array(n * inner);
        segmentSum(values, ids, n, inner, wide);
        out = Float32Array.from(wide);
      }
      return (backend === 'wasm' ? host.makeOutput(shape, x.dtype, undefined, out) : host.makeTensorInfo(shape, x.dtype, out)) as never;
    },
  });
}
