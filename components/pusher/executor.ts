/**
 * Pusher's executor, as TFX's (components/pusher/executor.py): a model is pushed only when its blessing says
 * blessed == 1 (TFX's model_utils.is_model_blessed) — and, as a guard, only when the blessing names this
 * model (current_model_id) if it names one. Output: `push.json` under the pushed_model uri (whether it was
 * pushed, the model digest, or the reason it was not — no destination, version or time, so that re-running
 * anywhere gives the same bytes) and custom properties as TFX sets them: pushed 1/0, pushed_destination
 * `<base>/<version>` and pushed_version (strings).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PipelineError } from '../../metadata/errors.js';
import type { ExecutorContext, ExecutorResult, InputArtifact } from '../../orchestrator/component.js';
import { digestPath } from '../../orchestrator/fingerprint.js';
import { baseDirectory } from './push-destination.js';
import { pushToFilesystem } from './filesystem-push.js';

export const PUSH_FILE = 'push.json';
export const SERVING_DIR = 'Format-Serving';

export interface PushRecord {
  pushed: boolean;
  /** sha256 content digest of the model's Format-Serving directory. */
  modelDigest: string;
  /** Why the model was not pushed. */
  reason?: string;
}

function single(ctx: ExecutorContext, key: string): InputArtifact {
  const list = ctx.inputs[key] ?? [];
  if (list.length !== 1) throw new PipelineError('MISSING_INPUT', `Pusher needs exactly one ${key} artifact, got ${list.length}`, { nodeId: ctx.nodeId });
  return list[0];
}

/** Undefined when the blessing allows pushing this model, else why not. */
export function notBlessedReason(blessing: InputArtifact, model: InputArtifact): string | undefined {
  const blessed = Number(blessing.customProperties.blessed);
  if (blessed !== 1) {
    const marker = existsSync(join(blessing.uri, 'NOT_BLESSED')) ? 'NOT_BLESSED'
      : existsSync(join(blessing.uri, 'BLESSED')) ? 'BLESSED marker but no blessed property' : 'no marker: the Evaluator validated nothing (no thresholds)';
    return `model not blessed (blessed=${blessing.customProperties.blessed ?? 'absent'}, ${marker})`;
  }
  const id = blessing.customProperties.current_model_id;
  if (id !== undefined && Number(id) !== model.id) return `the blessing is for model ${id}, not for model ${model.id}`;
  return undefined;
}

export async function pusherExecutor(ctx: ExecutorContext): Promise<ExecutorResult> {
  const model = single(ctx, 'model');
  const blessing = single(ctx, 'model_blessing');
  const base = baseDirectory(ctx.params.push_destination);
  const modelDir = join(model.uri, SERVING_DIR);
  if (!existsSync(modelDir)) throw new PipelineError('MISSING_FILE', `${modelDir}: model artifact ${model.id} has no ${SERVING_DIR} directory`, { file: modelDir, artifactId: model.id });
  const modelDigest = await digestPath(modelDir);
  const reason = notBlessedReason(blessing, model);
  const out = ctx.outputs.pushed_model.uri;
  mkdirSync(out, { recursive: true });
  const write = (r: PushRecord): void => writeFileSync(join(out, PUSH_FILE), `${JSON.stringify(r, null, 2)}\n`);
  if (reason) {
    ctx.log.info('not pushed', { reason });
    write({ pushed: false, modelDigest, reason });
    return { pushed_model: { customProperties: { pushed: 0 } } };
  }
  const push = await pushToFilesystem(modelDir, base, modelDigest);
  ctx.log.info(push.created ? 'pushed' : 'already pushed: the newest version holds this model', { version: push.version, destination: push.destination });
  write({ pushed: true, modelDigest });
  return { pushed_model: { customProperties: { pushed: 1, pushed_version: String(push.version), pushed_destination: push.destination } } };
}
