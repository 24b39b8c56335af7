import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-layers'; // registers tfjs-core's gradients, as in the trainer
import { registerSegmentSumKernel } from '../../../components/trainer/segment-sum-kernel.js';

tf.env().set('PROD', true);

/** A seeded, reproducible input: n ids in [-1, segments] (out-of-range ones must be dropped) and rows of `inner` floats. */
function input(n: number, segments: number, inner: number): { x: Float32Array; ids: Int32Array } {
  let s = 12345;
  const next = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const ids = Int32Array.from({ length: n }, () => Math.floor(next() * (segments + 2)) - 1);
  const x = Float32Array.from({ length: n * inner }, () => (next() - 0.5) * 1000);
  return { x, ids };
}

/** The sums computed here, plainly: float64 accumulation in index order, or float32 rounding at every step. */
function expected(x: Float32Array, ids: Int32Array, segments: number, inner: number, wide: boolean): Float32Array {
  const acc = new Array<number>(segments * inner).fill(0);
  ids.forEach((id, i) => {
    if (id < 0 || id >= segments) return;
    for (let k = 0; k < inner; k++) {
      const v = acc[id * inner + k] + x[i * inner + k];
      acc[id * inner + k] = wide ? v : Math.fround(v);
    }
  });
  return Float32Array.from(acc);
}

async function segmentSum(x: Float32Array, ids: Int32Array, segments: number, inner: number): Promise<Float32Array> {
  const t = tf.unsortedSegmentSum(tf.tensor2d(x, [ids.length, inner]), tf.tensor1d(ids, 'int32'), segments);
  const out = (await t.data()) as Float32Array;
  t.dispose();
  return out;
}

const bytes = (a: Float32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

test('cpu: the replacement kernel gives exactly the bytes of tfjs-backend-cpu\'s own UnsortedSegmentSum', async () => {
  await tf.setBackend('cpu');
  const { x, ids } = input(3000, 40, 8);
  const original = await segmentSum(x, ids, 40, 8);
  registerSegmentSumKernel(tf, 'cpu');
  const replaced = await segmentSum(x, ids, 40, 8);
  assert.ok(bytes(replaced).equals(bytes(original)), 'same float32 bytes as the kernel it replaces');
  assert.ok(bytes(replaced).equals(bytes(expected(x, ids, 40, 8, true))));
  // The gradient of gather (an Embedding lookup) runs through it.
  const table = tf.tensor2d(Float32Array.from({ length: 40 * 8 }, (_, i) => i / 100), [40, 8]);
  const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, tf.tensor1d(ids.map((i) => Math.max(0, Math.min(39, i))), 'int32')), 2)))(table);
  const counts = new Array<number>(40).fill(0);
  ids.forEach((i) => counts[Math.max(0, Math.min(39, i))]++);
  assert.deepEqual(Array.from(await grad.data()), counts.flatMap((c) => new Array<number>(8).fill(2 * c)));
});

test('wasm: the kernel it lacks is registered and sums in float32, in index order', async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  registerSegmentSumKernel(tf, 'wasm');
  const { x, ids } = input(2000, 25, 4);
  assert.ok(bytes(await segmentSum(x, ids, 25, 4)).equals(bytes(expected(x, ids, 25, 4, false))));
  const ints = tf.unsortedSegmentSum(tf.tensor1d([1, 2, 3, 4, 5], 'int32'), tf.tensor1d([0, 1, 0, 7, 1], 'int32'), 3);
  assert.deepEqual(Array.from(await ints.data()), [4, 7, 0]);
});
