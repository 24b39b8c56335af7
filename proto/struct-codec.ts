/**
 * google.protobuf.Struct ⇄ JSON objects, and MLMD's storage form of a STRUCT property value:
 * string_value "mlmd-struct::" + base64(serialized Struct) (ml-metadata's rdbms_metadata_access_object).
 * Struct.fields=1 (map<string, Value>: key=1, value=2); Value oneof null_value=1 (enum), number_value=2 (double),
 * string_value=3, bool_value=4, struct_value=5, list_value=6; ListValue.values=1. Map entries are written in
 * sorted key order, so equal objects give equal bytes.
 */
import protobuf from 'protobufjs';
import type { JsonValue, StructValue } from '../orchestrator/component.js';

export const MLMD_STRUCT_PREFIX = 'mlmd-struct::';

function writeValue(w: protobuf.Writer, v: JsonValue): void {
  if (v === null) w.uint32(8).int32(0);
  else if (typeof v === 'number') w.uint32(17).double(v);
  else if (typeof v === 'string') w.uint32(26).string(v);
  else if (typeof v === 'boolean') w.uint32(32).bool(v);
  else if (Array.isArray(v)) {
    w.uint32(50).fork();
    for (const x of v) {
      w.uint32(10).fork();
      writeValue(w, x);
      w.ldelim();
    }
    w.ldelim();
  } else {
    w.uint32(42).fork();
    writeFields(w, v);
    w.ldelim();
  }
}

function writeFields(w: protobuf.Writer, o: StructValue): void {
  for (const k of Object.keys(o).sort()) {
    const v = o[k];
    if (v === undefined) continue;
    w.uint32(10).fork().uint32(10).string(k).uint32(18).fork();
    writeValue(w, v);
    w.ldelim().ldelim();
  }
}

export function encodeStruct(o: StructValue): Uint8Array {
  const w = protobuf.Writer.create();
  writeFields(w, o);
  return w.finish();
}

function readValue(r: protobuf.Reader, end: number): JsonValue {
  let v: JsonValue = null;
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1: r.int32(); v = null; break;
      case 2: v = r.double(); break;
      case 3: v = r.string(); break;
      case 4: v = r.bool(); break;
      case 5: { const len = r.uint32(); v = readFields(r, r.pos + len); break; }
      case 6: {
        const listEnd = r.uint32() + r.pos;
        const list: JsonValue[] = [];
        while (r.pos < listEnd) {
          const t = r.uint32();
          if (t >>> 3 === 1 && (t & 7) === 2) list.push(readValue(r, r.uint32() + r.pos));
          else r.skipType(t & 7);
        }
        v = list;
        break;
      }
      default: r.skipType(tag & 7);
    }
  }
  return v;
}

function readFields(r: protobuf.Reader, end: number): StructValue {
  const out: StructValue = {};
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag >>> 3 !== 1 || (tag & 7) !== 2) {
      r.skipType(tag & 7);
      continue;
    }
    const entryEnd = r.uint32() + r.pos;
    let key = '';
    let value: JsonValue = null;
    while (r.pos < entryEnd) {
      const t = r.uint32();
      if (t >>> 3 === 1) key = r.string();
      else if (t >>> 3 === 2) value = readValue(r, r.uint32() + r.pos);
      else r.skipType(t & 7);
    }
    out[key] = value;
  }
  return out;
}

/** Throws (protobufjs RangeError) on truncated input. */
export function decodeStruct(bytes: Uint8Array): StructValue {
  const r = protobuf.Reader.create(bytes);
  return readFields(r, bytes.length);
}

export const toMlmdStruct = (o: StructValue): string => MLMD_STRUCT_PREFIX + Buffer.from(encodeStruct(o)).toString('base64');

/** The object of an "mlmd-struct::…" string, or undefined when `s` is not one (or does not decode). */
export function fromMlmdStruct(s: string): StructValue | undefined {
  if (!s.startsWith(MLMD_STRUCT_PREFIX)) return undefined;
  try {
    return decodeStruct(Buffer.from(s.slice(MLMD_STRUCT_PREFIX.length), 'base64'));
  } catch {
    return undefined;
  }
}
