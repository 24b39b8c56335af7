import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { backendOrder, chooseBackendName, initBackend } from '../../orchestrator/backend.js';

function tfjsNodeLoads(): boolean {
  try {
    createRequire(import.meta.url)('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}

test('TFX_TS_BACKEND puts a backend first; an unknown name leaves the default order', () => {
  assert.deepEqual(backendOrder({}), ['tensorflow', 'wasm', 'cpu']);
  assert.deepEqual(backendOrder({ TFX_TS_BACKEND: 'cpu' }), ['cpu', 'tensorflow', 'wasm']);
  assert.deepEqual(backendOrder({ TFX_TS_BACKEND: 'gpu' }), ['tensorflow', 'wasm', 'cpu']);
  assert.equal(chooseBackendName({ TFX_TS_BACKEND: 'cpu' }), 'cpu');
  assert.equal(chooseBackendName({ TFX_TS_BACKEND: 'wasm' }), 'wasm');
});

test('a forced backend that cannot load is not recorded: the name is the one training will really use', async () => {
  const expected = tfjsNodeLoads() ? 'tensorflow' : 'wasm';
  assert.equal(chooseBackendName({ TFX_TS_BACKEND: 'tensorflow' }), expected);
  assert.equal(chooseBackendName({}), expected);
  process.env.TFX_TS_BACKEND = 'tensorflow';
  try {
    assert.equal(await initBackend(), chooseBackendName());
  } finally {
    delete process.env.TFX_TS_BACKEND;
  }
});
