/** Trainer's spec: TFX's name, inputs, outputs and params; no logic. */
import type { ComponentSpec } from '../../orchestrator/component.js';
import { checkEvalArgs, checkModel, checkTrainArgs } from './params.js';

export const TRAINER_SPEC: ComponentSpec = {
  name: 'Trainer',
  version: '1',
  usesTfjsBackend: true,
  description: 'Trains a TensorFlow.js model on transformed examples — a user run_fn(fn_args) or a declarative DNN — '
    + 'and saves it with the transform graph bundled, as an end-to-end model from raw features.',
  executionBaseType: 'Train',
  inputs: {
    examples: { type: 'Examples', description: 'Transformed examples (Transform\'s transformed_examples), Split-<name>/*.gz.' },
    transform_graph: { type: 'TransformGraph', description: 'The transform graph: transformed feature types, bundled into the model.' },
    schema: { type: 'Schema', description: 'schema.pbtxt, handed to run_fn as fn_args.schema_path.' },
    base_model: { type: 'Model', optional: true, description: 'Warm start: its weights initialise a declarative model of the same shape; fn_args.base_model for run_fn.' },
    hyperparameters: { type: 'HyperParameters', optional: true, description: 'hyperparameters.json: overrides the declarative model\'s keys; fn_args.hyperparameters.' },
  },
  outputs: {
    model: { type: 'Model', description: 'Format-Serving/: model.json, weights.bin, signature.json, transform_graph/.' },
    model_run: { type: 'ModelRun', description: 'metrics.json (per-epoch loss and metrics) and curves.svg.' },
  },
  params: {
    module_file: { type: 'string', path: 'file', mustExist: true, module: true, description: 'A .ts/.js module exporting run_fn(fn_args). Exclusive with model.' },
    model: {
      type: 'object', check: checkModel,
      description: 'A declarative model: {type: dnn_classifier|dnn_regressor, label_key, hidden_units: [64, 32], features?, '
        + 'categorical: embedding|one_hot, embedding_dim, n_classes?, epochs, batch_size, learning_rate, optimizer: adam|sgd, seed, shuffle_buffer}. Exclusive with module_file.',
    },
    train_args: { type: 'object', default: { splits: ['train'] }, check: checkTrainArgs, description: '{splits, num_steps}: splits to train on; num_steps caps the optimizer steps.' },
    eval_args: { type: 'object', default: { splits: ['eval'] }, check: checkEvalArgs, description: '{splits, num_steps}: splits evaluated after each epoch; num_steps caps the batches.' },
    custom_config: { type: 'object', default: {}, description: 'Passed to run_fn as fn_args.custom_config (its integer `seed` is fn_args.seed).' },
  },
};
