/**
 * {Artifact,Execution,Context}Property rows. A property declared on the type (TypeProperty) is
 * written with is_custom_property 0 in the column of its declared type; everything else is custom
 * (1), its column chosen by value: string → string_value, integer → int_value, other number →
 * double_value, boolean → bool_value, a JSON object → MLMD's STRUCT form in string_value
 * ("mlmd-struct::" + base64 Struct, as TFX's set_json_value_custom_property). null/undefined removes the
 * property. Reads give numbers for int/double, booleans for bool and objects for structs.
 */
import type { Properties, PropertyValue } from '../../orchestrator/component.js';
import { fromMlmdStruct, toMlmdStruct } from '../../proto/struct-codec.js';
import type { PropertyTypeName } from '../store.js';
import type { Connection } from './connection.js';
import { storeFail } from './store-error.js';

export type Owner = 'artifact' | 'execution' | 'context';
const TABLE: Record<Owner, { table: string; col: string }> = {
  artifact: { table: 'ArtifactProperty', col: 'artifact_id' },
  execution: { table: 'ExecutionProperty', col: 'execution_id' },
  context: { table: 'ContextProperty', col: 'context_id' },
};

type Column = 'int_value' | 'double_value' | 'string_value' | 'bool_value';
const COLUMN_OF: Partial<Record<PropertyTypeName, Column>> = { INT: 'int_value', DOUBLE: 'double_value', STRING: 'string_value', STRUCT: 'string_value', BOOLEAN: 'bool_value' };

export interface PropertyWrite {
  owner: Owner;
  id: number;
  typeName: string;
  declared: ReadonlyMap<string, PropertyTypeName>;
  properties?: Properties;
  customProperties?: Properties;
}

export function writeProperties(c: Connection, w: PropertyWrite): void {
  const { table, col } = TABLE[w.owner];
  const upsert = c.stmt(`INSERT INTO ${table}(${col}, name, is_custom_property, int_value, double_value, string_value, bool_value)
    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(${col}, name, is_custom_property) DO UPDATE SET
    int_value = excluded.int_value, double_value = excluded.double_value, string_value = excluded.string_value,
    bool_value = excluded.bool_value, byte_value = NULL, proto_value = NULL`);
  const remove = c.stmt(`DELETE FROM ${table} WHERE ${col} = ? AND name = ? AND is_custom_property = ?`);
  const put = (name: string, value: PropertyValue | null | undefined, asDeclared: boolean): void => {
    const declaredType = asDeclared ? w.declared.get(name) : undefined;
    const custom = declaredType === undefined ? 1 : 0;
    if (value === undefined || value === null) {
      remove.run(w.id, name, custom);
      return;
    }
    const column = declaredType === undefined ? columnOfValue(c, w, name, value) : declaredColumn(c, w, name, value, declaredType);
    const cells: Record<Column, unknown> = { int_value: null, double_value: null, string_value: null, bool_value: null };
    cells[column] = typeof value === 'boolean' ? (value ? 1 : 0) : typeof value === 'object' ? toMlmdStruct(value) : value;
    upsert.run(w.id, name, custom, cells.int_value, cells.double_value, cells.string_value, cells.bool_value);
  };
  for (const [k, v] of Object.entries(w.properties ?? {})) put(k, v, true);
  for (const [k, v] of Object.entries(w.customProperties ?? {})) put(k, v, false);
}

function columnOfValue(c: Connection, w: PropertyWrite, name: string, value: unknown): Column {
  if (typeof value === 'string') return 'string_value';
  if (typeof value === 'boolean') return 'bool_value';
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return 'string_value';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw bad(c, w, name, 'is NaN, which SQLite cannot store');
    return Number.isSafeInteger(value) ? 'int_value' : 'double_value';
  }
  throw bad(c, w, name, `has unsupported value type ${Array.isArray(value) ? 'array' : typeof value} (string, number, boolean or object expected)`);
}

function declaredColumn(c: Connection, w: PropertyWrite, name: string, value: unknown, t: PropertyTypeName): Column {
  const column = COLUMN_OF[t];
  if (!column) throw bad(c, w, name, `is declared ${t}, which tfx-ts cannot write`);
  const ok = t === 'STRUCT' ? typeof value === 'object' && value !== null && !Array.isArray(value)
    : t === 'STRING' ? typeof value === 'string'
    : t === 'BOOLEAN' ? typeof value === 'boolean'
    : t === 'INT' ? Number.isSafeInteger(value)
    : typeof value === 'number' && !Number.isNaN(value);
  if (!ok) throw bad(c, w, name, `is declared ${t} but got ${JSON.stringify(value)}`);
  return column;
}

function bad(c: Connection, w: PropertyWrite, name: string, what: string): Error {
  const ids = w.owner === 'artifact' ? { artifactId: w.id } : w.owner === 'execution' ? { executionId: w.id } : {};
  return storeFail(c.file, `${w.owner} ${w.id} (${w.typeName}): property '${name}' ${what}`, ids);
}

export interface PropertyBag {
  properties: Properties;
  customProperties: Properties;
}

interface PropertyRow {
  id: number;
  name: string;
  custom: number;
  int_value: number | null;
  double_value: number | null;
  string_value: string | null;
  bool_value: number | null;
}

/** Properties of many owners at once (one query), keyed by owner id; owners without any get empty bags. */
export function readProperties(c: Connection, owner: Owner, ids: readonly number[]): Map<number, PropertyBag> {
  const out = new Map<number, PropertyBag>(ids.map((id) => [id, { properties: {}, customProperties: {} }]));
  if (ids.length === 0) return out;
  const { table, col } = TABLE[owner];
  const rows = c.stmt(`SELECT ${col} AS id, name, is_custom_property AS custom, int_value, double_value, string_value, bool_value
    FROM ${table} WHERE ${col} IN (SELECT value FROM json_each(?)) ORDER BY ${col}, name`).all(JSON.stringify(ids)) as PropertyRow[];
  for (const r of rows) {
    const value = r.int_value ?? r.double_value ?? (r.string_value === null ? undefined : fromMlmdStruct(r.string_value) ?? r.string_value)
      ?? (r.bool_value === null ? undefined : r.bool_value !== 0);
    if (value === undefined) continue; // byte/proto values written by other MLMD clients
    const bag = out.get(r.id);
    if (bag) (r.custom ? bag.customProperties : bag.properties)[r.name] = value;
  }
  return out;
}
