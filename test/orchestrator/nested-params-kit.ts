/**
 * A valid pipeline file using every standard component with a structured param, for tests that break one
 * nested value and expect validation to point at it. Params are YAML lines indented under `params:`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';

export type NodeName = 'gen' | 'stats' | 'schema' | 'transform' | 'trainer' | 'evaluator' | 'pusher';

interface NodeDef { type: string; inputs?: string; fixed: string[]; defaults: string[] }

const NODES: Record<NodeName, NodeDef> = {
  gen: { type: 'CsvExampleGen', fixed: ['input_base: ./data'], defaults: [] },
  stats: { type: 'StatisticsGen', inputs: '{ examples: gen.examples }', fixed: [], defaults: [] },
  schema: { type: 'SchemaGen', inputs: '{ statistics: stats.statistics }', fixed: [], defaults: [] },
  transform: { type: 'Transform', inputs: '{ examples: gen.examples, schema: schema.schema }', fixed: ['module_file: ./preprocessing.js'], defaults: [] },
  trainer: {
    type: 'Trainer', inputs: '{ examples: transform.transformed_examples, transform_graph: transform.transform_graph, schema: schema.schema }',
    fixed: [], defaults: ['model: { type: dnn_classifier, label_key: label }'],
  },
  evaluator: { type: 'Evaluator', inputs: '{ examples: gen.examples, model: trainer.model }', fixed: [], defaults: [] },
  pusher: {
    type: 'Pusher', inputs: '{ model: trainer.model, model_blessing: evaluator.blessing }',
    fixed: [], defaults: ['push_destination: { filesystem: { base_directory: ./serving } }'],
  },
};

/**
 * The pipeline text; `params[node]` replaces that node's default params (the fixed ones stay),
 * `extraNodes` is appended to `components` as is (indented by 2).
 */
export function nestedPipelineText(params: Partial<Record<NodeName, string>> = {}, extraNodes = ''): string {
  const lines = ['pipeline_name: nested', 'pipeline_root: ./root', 'components:'];
  for (const [id, n] of Object.entries(NODES) as [NodeName, NodeDef][]) {
    lines.push(`  ${id}:`, `    type: ${n.type}`);
    if (n.inputs) lines.push(`    inputs: ${n.inputs}`);
    const given = params[id]?.split('\n').filter((l) => l.trim() !== '') ?? n.defaults;
    const all = [...n.fixed, ...given];
    if (all.length) lines.push('    params:', ...all.map((l) => `      ${l}`));
  }
  return `${[...lines, extraNodes].join('\n')}\n`;
}

/** Writes the pipeline (with its data folder and preprocessing module) into a fresh temp folder; `edit` rewrites its text first. */
export function writeNestedPipeline(params: Partial<Record<NodeName, string>> = {}, extraNodes = '',
  edit: (text: string) => string = (t) => t): { dir: string; file: string; text: string } {
  const dir = tempDir('tfx-ts-nested-');
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'data.csv'), 'x,label\n1,0\n2,1\n');
  writeFileSync(join(dir, 'preprocessing.js'), 'export function preprocessing_fn(inputs) { return inputs; }\n');
  const text = edit(nestedPipelineText(params, extraNodes));
  const file = join(dir, 'pipeline.yaml');
  writeFileSync(file, text);
  return { dir, file, text };
}

/** `line:col` (1-based) of the `nth` occurrence of `needle` in `text`, plus `shift` columns. */
export function positionOf(text: string, needle: string, shift = 0, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${nth}) not in the pipeline text`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return `${line}:${at - before.lastIndexOf('\n') + shift}`;
}
