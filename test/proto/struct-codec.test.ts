import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeStruct, encodeStruct, fromMlmdStruct, toMlmdStruct } from '../../proto/struct-codec.js';

/** google.protobuf.Struct bytes written out by hand from the field numbers (Struct.fields=1, entry key=1 value=2, Value.number_value=2 fixed64). */
const num = (x: number): number[] => { const b = Buffer.alloc(8); b.writeDoubleLE(x); return [0x11, ...b]; };
const entry = (key: string, value: number[]): number[] => {
  const body = [0x0a, key.length, ...Buffer.from(key), 0x12, value.length, ...value];
  return [0x0a, body.length, ...body];
};

test('a struct is encoded as google.protobuf.Struct with map entries in sorted key order', () => {
  const want = Buffer.from([...entry('eval', num(0)), ...entry('train', num(1))]);
  assert.ok(Buffer.from(encodeStruct({ train: 1, eval: 0 })).equals(want));
  assert.equal(toMlmdStruct({ train: 1, eval: 0 }), `mlmd-struct::${want.toString('base64')}`);
});

test('every Value kind round-trips, nested structs and lists included', () => {
  const v = { s: 'x', n: -2.5, t: true, f: false, z: null, l: [1, 'a', [2], { k: null }], o: { inner: { deep: [] } } };
  assert.deepEqual(decodeStruct(encodeStruct(v)), v);
  assert.deepEqual(fromMlmdStruct(toMlmdStruct(v)), v);
});

test('entries in any order from another writer decode; non-struct strings are left alone', () => {
  const bytes = Buffer.from([...entry('train', num(1)), ...entry('eval', num(0))]);
  assert.deepEqual(decodeStruct(bytes), { train: 1, eval: 0 });
  assert.equal(fromMlmdStruct('["train","eval"]'), undefined);
  assert.equal(fromMlmdStruct('mlmd-struct::' + Buffer.from([0x0a, 0x30, 0x0a]).toString('base64')), undefined, 'truncated');
});
