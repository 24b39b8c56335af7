/**
 * The one validation path of pipeline definitions: a RawPipeline (from the pipeline file or the
 * TypeScript builder) → PipelineIR, or one PipelineProblemsError listing every problem found.
 */
import { join, resolve } from 'node:path';
import type { ErrorPlace } from '../metadata/errors.js';
import type { Component } from './component.js';
import { topoSort } from './graph.js';
import type { NodeIR, PipelineIR, SourceLocation } from './pipeline.js';
import { ProblemList } from './problems.js';
import type { PathSegment, RawNode, RawPipeline } from './raw-pipeline.js';
import { TypeResolver, type TypeResolution } from './resolve-type.js';
import { validateInputs, type ValidatedInputs } from './validate-inputs.js';
import { describe, isPlainObject, validateParams, type NodeLocator } from './validate-params.js';

export const NODE_ID_RE = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const PIPELINE_NAME_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

function checkTopLevel(raw: RawPipeline, problems: ProblemList): void {
  const check = (key: string, v: unknown, required: boolean, re?: RegExp): void => {
    if (v === undefined || v === null) {
      if (required) problems.add('PIPELINE_INVALID', raw.locate([key], 'key'), `missing required key ${key}`);
    } else if (typeof v !== 'string' || v.trim() === '') {
      problems.add('PIPELINE_INVALID', raw.locate([key], 'value'), `${key} must be a non-empty string, got ${describe(v)}`);
    } else if (re && !re.test(v)) {
      problems.add('PIPELINE_INVALID', raw.locate([key], 'value'), `${key} "${v}" must match ${re}`);
    }
  };
  check('pipeline_name', raw.name, true, PIPELINE_NAME_RE);
  check('pipeline_root', raw.root, true);
  check('metadata_path', raw.metadataPath, false);
}

function checkNode(n: RawNode, seen: Set<string>, at: NodeLocator, problems: ProblemList): void {
  if (!NODE_ID_RE.test(n.id)) problems.add('PIPELINE_INVALID', at([], 'key'), `node id "${n.id}" must match ${NODE_ID_RE}`);
  if (seen.has(n.id)) problems.add('PIPELINE_INVALID', at([], 'key'), `node id "${n.id}" is used twice`);
  seen.add(n.id);
  if (n.cache !== undefined && typeof n.cache !== 'boolean') {
    problems.add('PIPELINE_INVALID', at(['cache'], 'value'), `cache must be true or false, got ${describe(n.cache)}`);
  }
}

function locOf(place: ErrorPlace): SourceLocation | undefined {
  return place.file && place.line !== undefined ? { file: place.file, line: place.line, col: place.col ?? 1 } : undefined;
}

interface Resolved {
  node: RawNode;
  at: NodeLocator;
  type: TypeResolution;
  params?: Record<string, unknown>;
  inputs?: ValidatedInputs;
}

/** Validates everything, collecting all problems (added to `problems`, which may hold the front end's own). */
export async function validatePipeline(raw: RawPipeline, registry: ReadonlyMap<string, Component>,
  problems = new ProblemList()): Promise<PipelineIR> {
  checkTopLevel(raw, problems);
  const resolver = new TypeResolver(registry, raw.baseDir);
  const nodes: Resolved[] = await Promise.all(raw.nodes.map(async (node) => ({
    node,
    at: (path: readonly PathSegment[], part: 'key' | 'value') => raw.locate(['components', node.id, ...path], part),
    type: await resolver.resolve(node.type),
  })));
  const components = new Map<string, Component | null>(nodes.map((r) => [r.node.id, r.type.ok ? r.type.component : null]));
  const seen = new Set<string>();
  for (const r of nodes) {
    checkNode(r.node, seen, r.at, problems);
    if (!r.type.ok) {
      problems.add(r.type.code, r.at(['type'], 'value'), r.type.what);
      continue;
    }
    const wired = isPlainObject(r.node.inputs) ? Object.keys(r.node.inputs) : [];
    r.params = await validateParams(r.node.params, r.type.component, raw.baseDir, r.at, problems, { inputs: wired });
    r.inputs = validateInputs(r.node.id, r.node.inputs, r.type.component, components, r.at, problems);
  }
  const graph = nodes.map((r) => ({ id: r.node.id, inputs: r.inputs?.inputs ?? {}, r }));
  const { order, cycle } = topoSort(graph);
  if (cycle && seen.size === nodes.length) { // (duplicate ids are reported already and would confuse the graph)
    // Point at the reference that closes the loop: the first node's input from the last one.
    const [first, last] = [nodes.find((r) => r.node.id === cycle[0])!, cycle[cycle.length - 2]];
    problems.add('CYCLE', first.at(first.inputs?.refPaths.get(last) ?? ['inputs'], 'value'), `cycle: ${cycle.join(' → ')}`);
  }
  problems.throwIfAny();
  const root = resolve(raw.baseDir, String(raw.root));
  return {
    pipelineName: String(raw.name),
    pipelineRoot: root,
    metadataPath: typeof raw.metadataPath === 'string' ? resolve(raw.baseDir, raw.metadataPath) : join(root, 'metadata.sqlite'),
    ...(raw.sourceFile ? { sourceFile: raw.sourceFile } : {}),
    nodes: order.map(({ r }): NodeIR => {
      const t = r.type as Extract<TypeResolution, { ok: true }>;
      const loc = locOf(r.at([], 'key'));
      return {
        id: r.node.id, type: t.typeText, componentRef: t.ref, componentName: t.component.name,
        componentVersion: t.component.version, inputs: r.inputs!.inputs, params: r.params!,
        cache: r.node.cache !== false, ...(loc ? { loc } : {}),
      };
    }),
  };
}
