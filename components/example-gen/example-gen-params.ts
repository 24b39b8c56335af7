/**
 * What CsvExampleGen and ImportExampleGen share: TFX's exec-property names and defaults, the
 * output format checks, and the properties set on the `examples` artifact.
 */
import type { ExecutorResult, ParamSpec } from '../../orchestrator/component.js';
import { PipelineError } from '../../metadata/errors.js';
import { checkInputConfig, checkOutputConfig, DEFAULT_INPUT_CONFIG, DEFAULT_OUTPUT_CONFIG } from './split-config.js';

/** example_gen.proto PayloadFormat values this implementation writes. */
export const PAYLOAD_FORMATS: Readonly<Record<number, string>> = { 6: 'FORMAT_TF_EXAMPLE', 11: 'FORMAT_PROTO' };
/** example_gen.proto FileFormat: FORMAT_TFRECORDS_GZIP (0, unspecified, means the same). */
export const FILE_FORMAT_TFRECORDS_GZIP = 5;

export const EXAMPLE_GEN_PARAMS: Record<string, ParamSpec> = {
  input_base: {
    type: 'string', required: true, path: 'dir', mustExist: true, fingerprint: true,
    description: 'Directory holding the input files; input_config patterns are relative to it.',
  },
  input_config: {
    type: 'object', default: DEFAULT_INPUT_CONFIG, check: checkInputConfig,
    description: 'example_gen.Input as JSON: {"splits":[{"name":"train","pattern":"train/*"}]}.',
  },
  output_config: {
    type: 'object', default: DEFAULT_OUTPUT_CONFIG, check: checkOutputConfig,
    description: 'example_gen.Output as JSON: {"split_config":{"splits":[{"name":"train","hash_buckets":2},…],"partition_feature_name":"…"}}. '
      + 'Ignored (output splits = input splits) when input_config has several splits and this is the default.',
  },
  output_data_format: { type: 'integer', default: 6, description: 'PayloadFormat: 6 FORMAT_TF_EXAMPLE.' },
  output_file_format: { type: 'integer', default: FILE_FORMAT_TFRECORDS_GZIP, description: 'FileFormat: 5 FORMAT_TFRECORDS_GZIP.' },
  custom_config: { type: 'object', description: 'Free-form configuration (not used by the standard executors).' },
};

/** The payload format name for output_data_format; BAD_PARAM for one this executor cannot write. */
export function checkFormats(params: Record<string, unknown>, payloads: readonly number[]): string {
  if (typeof params.input_base !== 'string' || params.input_base === '') throw new PipelineError('MISSING_PARAM', 'input_base: a directory is required');
  const data = params.output_data_format ?? 6;
  if (typeof data !== 'number' || !payloads.includes(data)) {
    throw new PipelineError('BAD_PARAM', `output_data_format ${JSON.stringify(data)} is not supported here (use ${payloads.map((p) => `${p} ${PAYLOAD_FORMATS[p]}`).join(' or ')})`);
  }
  const file = params.output_file_format ?? FILE_FORMAT_TFRECORDS_GZIP;
  if (file !== FILE_FORMAT_TFRECORDS_GZIP && file !== 0) {
    throw new PipelineError('BAD_PARAM', `output_file_format ${JSON.stringify(file)} is not supported (only 5 FORMAT_TFRECORDS_GZIP)`);
  }
  return PAYLOAD_FORMATS[data];
}

export function exampleGenResult(splitNames: readonly string[], payloadFormat: string, inputFingerprint: string): ExecutorResult {
  return {
    examples: {
      properties: { split_names: JSON.stringify(splitNames), span: 0, version: 0 },
      customProperties: { payload_format: payloadFormat, file_format: 'tfrecords_gzip', input_fingerprint: inputFingerprint },
    },
  };
}
