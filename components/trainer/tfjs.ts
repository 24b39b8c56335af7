/**
 * TensorFlow.js for the trainer and the serving model: the backend chosen at run time (orchestrator/backend.ts:
 * tensorflow → wasm → cpu), then tfjs-core and tfjs-layers loaded lazily so that commands which never touch a
 * model do not pay for them.
 */
import type { BackendName } from '../../orchestrator/backend.js';

export type Tf = typeof import('@tensorflow/tfjs-core');
export type Tfl = typeof import('@tensorflow/tfjs-layers');
export type LayersModel = import('@tensorflow/tfjs-layers').LayersModel;
export type SymbolicTensor = import('@tensorflow/tfjs-layers').SymbolicTensor;
export type Tensor = import('@tensorflow/tfjs-core').Tensor;

export interface Tfjs {
  tf: Tf;
  tfl: Tfl;
  backend: BackendName;
}

let loading: Promise<Tfjs> | undefined;

/** tfjs with the best backend that works here (once per process). */
export function loadTfjs(): Promise<Tfjs> {
  loading ??= (async () => {
    const { initBackend } = await import('../../orchestrator/backend.js');
    const tf = await import('@tensorflow/tfjs-core');
    // Production mode: no debug checks and no "install tfjs-node" banner on stderr.
    tf.env().set('PROD', true);
    const backend = await initBackend();
    (await import('./segment-sum-kernel.js')).registerSegmentSumKernel(tf, backend);
    const tfl = await import('@tensorflow/tfjs-layers');
    return { tf, tfl, backend };
  })();
  return loading;
}
