import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshStore } from './store-kit.js';
import { ensureStandardTypes } from '../../metadata/standard-types.js';
import type { Properties } from '../../orchestrator/component.js';

interface PropRow { name: string; is_custom_property: number; int_value: number | null; double_value: number | null; string_value: string | null; bool_value: number | null }

const rowsOf = (sql: ReturnType<typeof freshStore>['sql'], table: string, col: string, id: number) =>
  sql<PropRow>(`SELECT name, is_custom_property, int_value, double_value, string_value, bool_value FROM ${table} WHERE ${col} = ? ORDER BY name`, id);

test('declared properties go to is_custom_property 0 in their type\'s column; custom ones pick the column by value', () => {
  const { store, sql } = freshStore();
  ensureStandardTypes(store);
  const id = store.createArtifact({
    type: 'Examples', uri: '/ex', state: 'LIVE',
    properties: { span: 7, split_names: '["train","eval"]', not_declared: 'x' },
    customProperties: { digest: 'ab12', count: 42, ratio: 0.25, blessed: true, big: 2 ** 60 },
  });
  assert.deepEqual(rowsOf(sql, 'ArtifactProperty', 'artifact_id', id), [
    { name: 'big', is_custom_property: 1, int_value: null, double_value: 2 ** 60, string_value: null, bool_value: null },
    { name: 'blessed', is_custom_property: 1, int_value: null, double_value: null, string_value: null, bool_value: 1 },
    { name: 'count', is_custom_property: 1, int_value: 42, double_value: null, string_value: null, bool_value: null },
    { name: 'digest', is_custom_property: 1, int_value: null, double_value: null, string_value: 'ab12', bool_value: null },
    { name: 'not_declared', is_custom_property: 1, int_value: null, double_value: null, string_value: 'x', bool_value: null },
    { name: 'ratio', is_custom_property: 1, int_value: null, double_value: 0.25, string_value: null, bool_value: null },
    { name: 'span', is_custom_property: 0, int_value: 7, double_value: null, string_value: null, bool_value: null },
    { name: 'split_names', is_custom_property: 0, int_value: null, double_value: null, string_value: '["train","eval"]', bool_value: null },
  ]);
  const a = store.getArtifact(id);
  assert.deepEqual(a?.properties, { span: 7, split_names: '["train","eval"]' });
  assert.deepEqual(a?.customProperties, { big: 2 ** 60, blessed: true, count: 42, digest: 'ab12', not_declared: 'x', ratio: 0.25 });
  assert.deepEqual(sql("SELECT p.name, p.data_type FROM TypeProperty p JOIN Type t ON t.id = p.type_id WHERE t.name = 'Examples' ORDER BY p.name"),
    [{ name: 'span', data_type: 1 }, { name: 'split_names', data_type: 3 }, { name: 'version', data_type: 1 }]);
});

test('a JSON object is stored as MLMD\'s STRUCT (mlmd-struct:: + base64 Struct) and read back as the object', () => {
  const { store, sql } = freshStore();
  ensureStandardTypes(store);
  const id = store.createArtifact({ type: 'ExampleAnomalies', uri: '/a', state: 'LIVE', customProperties: { blessed: { train: 1, eval: 0 } } });
  const [row] = rowsOf(sql, 'ArtifactProperty', 'artifact_id', id);
  assert.equal(row.int_value, null);
  assert.match(row.string_value ?? '', /^mlmd-struct::[A-Za-z0-9+/=]+$/);
  // Struct{fields: {"eval": 0.0, "train": 1.0}}: map entries (field 1) of key (1) and Value.number_value (2, fixed64).
  const bytes = Buffer.from((row.string_value ?? '').slice('mlmd-struct::'.length), 'base64');
  assert.equal(bytes.toString('hex'), '0a110a046576616c1209110000000000000000' + '0a120a05747261696e120911000000000000f03f');
  assert.deepEqual(store.getArtifact(id)?.customProperties, { blessed: { train: 1, eval: 0 } });
});

test('a declared DOUBLE or BOOLEAN property is stored in its declared column and read back with its JS type', () => {
  const { store, sql } = freshStore();
  store.ensureArtifactType('Metric', { score: 'DOUBLE', ok: 'BOOLEAN' });
  const id = store.createArtifact({ type: 'Metric', uri: '/m', state: 'LIVE', properties: { score: 3, ok: false } });
  assert.deepEqual(rowsOf(sql, 'ArtifactProperty', 'artifact_id', id).map((r) => [r.name, r.int_value, r.double_value, r.bool_value]),
    [['ok', null, null, 0], ['score', null, 3, null]]);
  assert.deepEqual(store.getArtifact(id)?.properties, { ok: false, score: 3 });
  assert.deepEqual(sql("SELECT p.name, p.data_type FROM TypeProperty p JOIN Type t ON t.id = p.type_id WHERE t.name = 'Metric' ORDER BY p.name"),
    [{ name: 'ok', data_type: 6 }, { name: 'score', data_type: 2 }]);
});

test('a value that does not fit its declared type, or NaN, is a STORE error naming the property', () => {
  const { store } = freshStore();
  ensureStandardTypes(store);
  assert.throws(() => store.createArtifact({ type: 'Examples', uri: '/e', state: 'LIVE', properties: { span: 'seven' } }),
    (e: Error & { code?: string }) => e.code === 'STORE' && /span/.test(e.message) && /INT/.test(e.message));
  assert.throws(() => store.createArtifact({ type: 'Examples', uri: '/e', state: 'LIVE', properties: { span: 1.5 } }), { code: 'STORE' });
  assert.throws(() => store.createArtifact({ type: 'Examples', uri: '/e', state: 'LIVE', customProperties: { loss: NaN } }),
    (e: Error & { code?: string }) => e.code === 'STORE' && /loss/.test(e.message));
  assert.equal(store.listArtifacts().length, 0, 'failed creates leave no artifact behind');
});

test('updates upsert the given properties, keep the others, and null removes one', () => {
  const { store, sql } = freshStore();
  ensureStandardTypes(store);
  const id = store.createArtifact({ type: 'Examples', uri: '/e', state: 'PENDING', customProperties: { a: 'x', b: 1 } });
  store.updateArtifact(id, { state: 'LIVE', properties: { span: 3 }, customProperties: { b: 'now a string', c: true, a: null } as unknown as Properties });
  const a = store.getArtifact(id);
  assert.deepEqual(a?.properties, { span: 3 });
  assert.deepEqual(a?.customProperties, { b: 'now a string', c: true });
  assert.deepEqual(rowsOf(sql, 'ArtifactProperty', 'artifact_id', id).find((r) => r.name === 'b'),
    { name: 'b', is_custom_property: 1, int_value: null, double_value: null, string_value: 'now a string', bool_value: null });
});

test('execution and context properties round-trip through their own tables', () => {
  const { store, sql } = freshStore();
  store.ensureExecutionType('Trainer', 'Train');
  const x = store.createExecution({ type: 'Trainer', state: 'RUNNING', customProperties: { cache_key: 'k', duration_ms: 12, ok: true } });
  store.updateExecution(x, { state: 'COMPLETE', customProperties: { duration_ms: 15.5 } });
  assert.deepEqual(store.getExecution(x)?.customProperties, { cache_key: 'k', duration_ms: 15.5, ok: true });
  assert.deepEqual(rowsOf(sql, 'ExecutionProperty', 'execution_id', x).map((r) => [r.name, r.int_value, r.double_value, r.string_value, r.bool_value]),
    [['cache_key', null, null, 'k', null], ['duration_ms', null, 15.5, null, null], ['ok', null, null, null, 1]]);
  const c = store.putContext('pipeline_run', 'r1', { status: 'running', start_ms: 1700000000000 });
  assert.deepEqual(rowsOf(sql, 'ContextProperty', 'context_id', c).map((r) => [r.name, r.is_custom_property, r.int_value, r.string_value]),
    [['start_ms', 1, 1700000000000, null], ['status', 1, null, 'running']]);
});

test('enum values are stored as MLMD numbers and times as Unix milliseconds', () => {
  const { store, sql } = freshStore();
  ensureStandardTypes(store);
  store.ensureExecutionType('Pusher', 'Deploy');
  const before = Date.now();
  const live = store.createArtifact({ type: 'Model', uri: '/m', state: 'LIVE' });
  const gone = store.createArtifact({ type: 'Model', uri: '/g', state: 'ABANDONED' });
  const x = store.createExecution({ type: 'Pusher', state: 'COMPLETE' });
  const y = store.createExecution({ type: 'Pusher', state: 'CACHED' });
  const out = store.putEvent({ artifactId: live, executionId: x, type: 'OUTPUT' });
  const inp = store.putEvent({ artifactId: live, executionId: y, type: 'INPUT' });
  const pend = store.putEvent({ artifactId: gone, executionId: x, type: 'PENDING_OUTPUT' });
  const after = Date.now();
  assert.deepEqual(sql('SELECT id, state FROM Artifact ORDER BY id'), [{ id: live, state: 2 }, { id: gone, state: 5 }]);
  assert.deepEqual(sql('SELECT id, last_known_state AS s FROM Execution ORDER BY id'), [{ id: x, s: 3 }, { id: y, s: 5 }]);
  assert.deepEqual(sql('SELECT id, type FROM Event ORDER BY id'), [{ id: out, type: 4 }, { id: inp, type: 3 }, { id: pend, type: 7 }]);
  for (const r of sql<{ c: number; u: number }>('SELECT create_time_since_epoch AS c, last_update_time_since_epoch AS u FROM Artifact')) {
    assert.ok(r.c >= before && r.c <= after && r.u === r.c, `time ${r.c} within [${before}, ${after}]`);
  }
  assert.equal(store.getArtifact(gone)?.state, 'ABANDONED');
  assert.equal(store.getExecution(y)?.state, 'CACHED');
});
