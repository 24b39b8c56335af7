/**
 * defineComponent: the one way a component (standard or a user's own) is declared.
 * A component is a spec (name, version, typed inputs/outputs/params; no logic) plus one executor.
 * Executors are pure: (inputs, params) → files under their output uris. They never touch the
 * metadata store, the clock or global state; the launcher does resolution, caching and publishing.
 */
import type { ParamCheck } from './param-check.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/**
 * A JSON object as a property value: stored as MLMD's STRUCT (string_value "mlmd-struct::" + base64 of a
 * google.protobuf.Struct), what TFX's `set_json_value_custom_property` writes (ExampleValidator's `blessed`).
 */
export type StructValue = { [key: string]: JsonValue };
export type PropertyValue = string | number | boolean | StructValue;
export type Properties = Record<string, PropertyValue>;

export type ParamType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'any';

export interface ParamSpec {
  type: ParamType;
  required?: boolean;
  default?: unknown;
  description?: string;
  /** A filesystem path, resolved relative to the pipeline file; must exist when `mustExist`. */
  path?: 'file' | 'dir' | 'any';
  mustExist?: boolean;
  /** The content digest of the file/dir at this path is part of the cache key (external inputs). */
  fingerprint?: boolean;
  /** A user module (.ts/.js): its source and local imports are digested into the cache key and recorded. */
  module?: boolean;
  /** For object params: key paths of strings inside that are filesystem paths, resolved like `path` params. */
  nestedPaths?: readonly (readonly string[])[];
  /**
   * Key paths (inside this param; [] = the param itself, a string) of directories the component writes into
   * outside its output artifacts — a push target. `reproduce` points them into a sandbox under
   * `<pipeline_root>/.reproduce/`, so verifying a run never changes what is deployed.
   */
  destinationPaths?: readonly (readonly string[])[];
  /**
   * For structured params: the problems inside the value (paths relative to the param), found by the same
   * parser the executor uses (see `checkerOf`). Validation reports each at its key or value in the file.
   */
  check?: ParamCheck;
}

export interface InputSpec {
  type: string;
  optional?: boolean;
  description?: string;
  /**
   * Filled in by the orchestrator when not wired: the artifact this node consumed as input
   * `previousOf` in its latest earlier execution where that input's content differed from now
   * (e.g. the previous run's statistics, for drift). Must be optional. Its digest is part of the key.
   */
  resolve?: { previousOf: string };
}

export interface OutputSpec {
  type: string;
  description?: string;
}

export interface ComponentSpec {
  /** TFX's name, e.g. "CsvExampleGen". */
  name: string;
  /** Bump when output bytes change: part of the cache key. */
  version: string;
  description?: string;
  /** MLMD base execution type (Process, Transform, Train, Evaluate, Deploy). */
  executionBaseType?: string;
  inputs: Record<string, InputSpec>;
  outputs: Record<string, OutputSpec>;
  params: Record<string, ParamSpec>;
  /** Output bytes depend on the TensorFlow.js backend: its name enters the cache key. */
  usesTfjsBackend?: boolean;
}

/** An input artifact as an executor sees it: read-only, LIVE, sealed. */
export interface InputArtifact {
  id: number;
  type: string;
  uri: string;
  digest: string;
  properties: Properties;
  customProperties: Properties;
}

/** Where an executor writes one output: `uri` is a fresh, empty staging directory. */
export interface OutputArtifact {
  type: string;
  uri: string;
}

export interface ExecutorLog {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
}

export interface ExecutorContext {
  nodeId: string;
  component: string;
  inputs: Record<string, InputArtifact[]>;
  outputs: Record<string, OutputArtifact>;
  /** Resolved params: every declared param present (defaults applied), paths absolute. */
  params: Record<string, unknown>;
  /** A scratch directory removed after the execution. */
  tmpDir: string;
  log: ExecutorLog;
  /** Progress of a long step (records, bytes, ...). */
  progress(done: number, total?: number, unit?: string): void;
}

/** Properties an executor sets on its outputs (split_names, span, ...), keyed by output key. */
export type ExecutorResult = Record<string, { properties?: Properties; customProperties?: Properties }>;

export type Executor = (ctx: ExecutorContext) => Promise<ExecutorResult | void>;

export interface Component extends ComponentSpec {
  executor: Executor;
}

const NAME_RE = /^[A-Za-z][A-Za-z0-9_]*$/;

export function defineComponent(def: ComponentSpec & { executor: Executor }): Component {
  if (!NAME_RE.test(def.name)) throw new TypeError(`component name "${def.name}" must match ${NAME_RE}`);
  if (!def.version) throw new TypeError(`component ${def.name} needs a version`);
  if (typeof def.executor !== 'function') throw new TypeError(`component ${def.name} needs an executor function`);
  for (const [k, i] of Object.entries(def.inputs)) {
    if (i.resolve && !i.optional) throw new TypeError(`component ${def.name}: input ${k} is resolved by the orchestrator and must be optional`);
    if (i.resolve && !def.inputs[i.resolve.previousOf]) throw new TypeError(`component ${def.name}: input ${k} resolves from unknown input ${i.resolve.previousOf}`);
  }
  for (const [k, p] of Object.entries(def.params)) {
    if (p.required && p.default !== undefined) throw new TypeError(`component ${def.name}: param ${k} is required and has a default`);
    if (p.check !== undefined && typeof p.check !== 'function') throw new TypeError(`component ${def.name}: param ${k}: check must be a function`);
  }
  return Object.freeze({ ...def });
}

export function isComponent(x: unknown): x is Component {
  return !!x && typeof x === 'object' && typeof (x as Component).executor === 'function'
    && typeof (x as Component).name === 'string' && typeof (x as Component).version === 'string';
}
