/**
 * The push_destination param, TFX's PushDestination proto in JSON: {"filesystem": {"base_directory": "..."}}
 * (camelCase baseDirectory accepted). The pipeline file makes it absolute against the pipeline file's folder
 * (spec nestedPaths); here a relative path is refused, since it would depend on the process's cwd.
 */
import { isAbsolute, normalize } from 'node:path';
import { badAt, checkerOf, checkKnownKeys, ParamProblemError } from '../../orchestrator/param-check.js';

const ROOT = ['push_destination'];
const FS = [...ROOT, 'filesystem'];

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The absolute, normalized base directory. Errors: BAD_PARAM (ParamProblemError) at the key path. */
export function baseDirectory(param: unknown): string {
  let v = param;
  if (typeof v === 'string') {
    try { v = JSON.parse(v) as unknown; } catch (e) { throw badAt(ROOT, `not valid JSON (${(e as Error).message})`); }
  }
  if (!isObject(v)) throw badAt(ROOT, `expected {"filesystem": {"base_directory": "/abs/path"}}, got ${JSON.stringify(param)}`);
  const extra = Object.keys(v).filter((k) => k !== 'filesystem');
  if (extra.length) throw new ParamProblemError(extra.map((k) => ({ path: [...ROOT, k], at: 'key' as const, message: 'unsupported destination (only filesystem)' })));
  const fs = v.filesystem;
  if (!isObject(fs)) throw badAt(FS, `expected {"base_directory": "/abs/path"}, got ${JSON.stringify(fs)}`);
  checkKnownKeys(fs, FS, ['base_directory'], { noun: 'field', normalize: (k) => (k === 'baseDirectory' ? 'base_directory' : k) });
  const dir = fs.base_directory ?? fs.baseDirectory;
  if (typeof dir !== 'string' || dir === '') throw badAt([...FS, 'base_directory'], `expected a directory path, got ${JSON.stringify(dir)}`);
  if (!isAbsolute(dir)) throw badAt([...FS, 'base_directory'], `'${dir}' must be an absolute path`);
  return normalize(dir).replace(/(.)\/+$/, '$1');
}

/** For the spec (the pipeline file's relative base_directory is made absolute before this runs). */
export const checkPushDestination = checkerOf(baseDirectory, { protoNames: true });
