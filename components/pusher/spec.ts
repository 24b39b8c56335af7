/** Pusher's spec: TFX's name, inputs, output and params; no logic. */
import type { ComponentSpec } from '../../orchestrator/component.js';
import { checkPushDestination } from './push-destination.js';

/** Where push_destination names the directory (snake_case or its JSON camelCase name). */
const BASE_DIRECTORY = [['filesystem', 'base_directory'], ['filesystem', 'baseDirectory']];

export const PUSHER_SPEC: ComponentSpec = {
  name: 'Pusher',
  version: '2',
  description: 'Pushes a blessed model (model_blessing blessed == 1) to <base_directory>/<version>/ with increasing integer versions, '
    + 'atomically (copied aside, then renamed into place); a model identical to the newest version is not pushed again. '
    + 'Writes outside its output uri by nature: only into base_directory (a sandbox under reproduce).',
  executionBaseType: 'Deploy',
  inputs: {
    model: { type: 'Model', description: 'The model whose Format-Serving/ is pushed.' },
    model_blessing: { type: 'ModelBlessing', description: 'The Evaluator\'s verdict: only blessed == 1 is pushed.' },
  },
  outputs: {
    pushed_model: {
      type: 'PushedModel',
      description: 'push.json (pushed, model digest, why not — no destination, no version, no time); custom properties pushed 1/0, '
        + 'pushed_version, pushed_destination (<base_directory>/<version>).',
    },
  },
  params: {
    push_destination: {
      type: 'object', required: true, check: checkPushDestination,
      nestedPaths: BASE_DIRECTORY,
      destinationPaths: BASE_DIRECTORY,
      description: '{"filesystem": {"base_directory": "<dir>"}}: in a pipeline file the directory is resolved against the file; '
        + 'given to the executor directly it must be absolute.',
    },
  },
};
