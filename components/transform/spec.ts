/** Transform's spec: TFX's name, inputs, outputs and params; no logic. */
import type { ComponentSpec } from '../../orchestrator/component.js';
import { checkSplitsConfig } from './splits-config.js';

export const TRANSFORM_SPEC: ComponentSpec = {
  name: 'Transform',
  version: '2',
  description: 'Runs a preprocessing_fn (tf.Transform-style API) over the examples: full-pass analyzers on the analyze '
    + 'splits (in phases), then a self-contained transform graph (ops + analyzer results + vocabulary files) applied '
    + 'to every transform split — the same graph Trainer, Evaluator and serving apply to raw examples.',
  executionBaseType: 'Transform',
  inputs: {
    examples: { type: 'Examples', description: 'Raw tf.Examples (Split-<name>/*.gz).' },
    schema: { type: 'Schema', description: 'The raw schema: which features preprocessing_fn receives, with their types.' },
  },
  outputs: {
    transform_graph: {
      type: 'TransformGraph',
      description: 'transform_fn/graph.json, transform_fn/assets/<vocabulary>, transformed_metadata/schema.pbtxt, metadata/schema.pbtxt.',
    },
    transformed_examples: { type: 'Examples', description: 'Split-<name>/transformed_examples-00000-of-00001.gz for every transform split.' },
  },
  params: {
    module_file: {
      type: 'string', required: true, path: 'file', mustExist: true, module: true,
      description: 'A .ts or .js module exporting preprocessing_fn(inputs, tft) → { name: column }.',
    },
    splits_config: {
      type: 'any', check: checkSplitsConfig,
      description: 'TFX SplitsConfig as JSON (object or string): {"analyze": ["train"], "transform": ["train", "eval"]}. '
        + 'Default: analyze train, transform every split of the examples.',
    },
  },
};
