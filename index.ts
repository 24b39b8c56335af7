/**
 * tfx-ts public API: define components, build pipelines in TypeScript, run them, query the store.
 * The pipeline file (YAML/JSON) parses into the same PipelineIR that `pipeline()` builds.
 */
export { defineComponent, isComponent } from './orchestrator/component.js';
export type { Component, ComponentSpec, ExecutorContext, ExecutorResult, InputArtifact, OutputArtifact, ParamSpec, Properties } from './orchestrator/component.js';
export { badAt, checkerOf, checkKnownKeys, ParamProblemError, type ParamProblem, type ParamCheck } from './orchestrator/param-check.js';
export type { PipelineIR, NodeIR, ChannelRef, ComponentRef } from './orchestrator/pipeline.js';
export { parsePipelineFile } from './orchestrator/pipeline-file.js';
export { runPipeline, type RunOptions, type RunResult } from './orchestrator/local-runner.js';
export { reproduceRun, type ReproduceResult } from './orchestrator/reproduce.js';
export { freezeConfig, type RunnerConfig } from './orchestrator/config.js';
export { openSqliteStore } from './metadata/sqlite/sqlite-store.js';
export type { MetadataStore, ArtifactRecord, ExecutionRecord, ContextRecord, LineageGraph } from './metadata/store.js';
export { PipelineError } from './metadata/errors.js';
export { ARTIFACT_TYPES } from './metadata/artifact-types.js';
export { STANDARD_COMPONENTS, standardRegistry } from './components/index.js';
export { encodeExample, decodeExample } from './proto/example-codec.js';
export { readTFRecords, TFRecordWriter } from './proto/tfrecord.js';
export { pipeline, type PipelineBuilder } from './orchestrator/pipeline-builder.js';
export { PipelineProblemsError } from './orchestrator/problems.js';
export { selectNodes, downstreamOf } from './orchestrator/graph.js';
export { startModelServer } from './serving/index.js';
/** For user modules: a Transform module_file's preprocessing_fn and a Trainer module_file's run_fn. */
export type { Column, PreprocessingFn, Tft } from './components/transform/index.js';
export type { FnArgs } from './components/trainer/index.js';
