/**
 * TensorFlow.js backend choice, made at run time: `tensorflow` (tfjs-node, an optionalDependency
 * whose install needs libtensorflow from outside and so usually is absent) when it loads, else
 * `wasm` (@tensorflow/tfjs-backend-wasm ships its .wasm binary inside the npm package), else `cpu`.
 * `TFX_TS_BACKEND` puts one first; when it cannot be used the next in that order is taken.
 *
 * chooseBackendName() names the backend a tfjs executor will really run on — it goes into cache keys
 * and run records, so it must not be a guess: wasm and cpu are pure npm packages (resolvable = usable);
 * tfjs-node is actually loaded once per process (only where it is installed) to see that its native
 * binding and libtensorflow work. initBackend() loads and activates the backend (trainers, evaluators, serving).
 */
import { createRequire } from 'node:module';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';
const ORDER: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];
const PACKAGE: Record<BackendName, string> = {
  tensorflow: '@tensorflow/tfjs-node', wasm: '@tensorflow/tfjs-backend-wasm', cpu: '@tensorflow/tfjs-backend-cpu',
};
const require = createRequire(import.meta.url);
const usableCache = new Map<BackendName, boolean>();

function usable(name: BackendName): boolean {
  let ok = usableCache.get(name);
  if (ok === undefined) {
    try {
      if (name === 'tensorflow') require(PACKAGE[name]);
      else require.resolve(PACKAGE[name]);
      ok = true;
    } catch {
      ok = false;
    }
    usableCache.set(name, ok);
  }
  return ok;
}

/** The order backends are tried in: TFX_TS_BACKEND (when it names one) first, then tensorflow, wasm, cpu. */
export function backendOrder(env: NodeJS.ProcessEnv = process.env): BackendName[] {
  const forced = env.TFX_TS_BACKEND as BackendName | undefined;
  return forced && ORDER.includes(forced) ? [forced, ...ORDER.filter((b) => b !== forced)] : [...ORDER];
}

export function chooseBackendName(env: NodeJS.ProcessEnv = process.env): BackendName {
  return backendOrder(env).find(usable) ?? 'cpu';
}

/** Loads and activates the best backend that really works here; returns its name. */
export async function initBackend(): Promise<BackendName> {
  const tf = await import('@tensorflow/tfjs-core');
  for (const name of backendOrder().filter(usable)) {
    try {
      if (name === 'tensorflow') await import('@tensorflow/tfjs-node' as string);
      else if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
      else await import('@tensorflow/tfjs-backend-cpu');
      if (await tf.setBackend(name)) {
        await tf.ready();
        return name;
      }
    } catch {
      // try the next one
    }
  }
  throw new Error('no TensorFlow.js backend could be initialised');
}
