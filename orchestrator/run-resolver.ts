/** Runs a resolver node in the orchestrator and records it: a COMPLETE execution with OUTPUT events to the chosen artifacts. */
import type { RunnerConfig } from './config.js';
import type { NodeIR } from './pipeline.js';
import type { NodeOutcome, OutputRef } from './launcher.js';
import type { ExecScope, ResolvedInputs } from './publish.js';
import type { ResolverComponent } from './resolver.js';
import { ArtifactProps, ExecProps, executionName } from './records.js';

/** The `resolved` property of this node's latest earlier resolver execution, if any. */
function previousChoice(config: RunnerConfig, scope: ExecScope): string | undefined {
  const nodeContext = scope.contextIds[2];
  const prev = config.store.listExecutions({ contextId: nodeContext, limit: 20 }).find((e) => e.state === 'COMPLETE' || e.state === 'CACHED');
  return prev ? String(prev.customProperties.resolved ?? '') : undefined;
}

/** `useCache` false (--no-cache, cache: false): the resolution is recorded COMPLETE even when it did not change. */
export function runResolverNode(node: NodeIR, component: ResolverComponent, scope: ExecScope, pipelineContextId: number,
  inputs: ResolvedInputs, useCache: boolean, config: RunnerConfig): NodeOutcome {
  const { store } = config;
  const t0 = config.clock();
  const resolved = component.resolve({ store, pipelineName: scope.pipelineName, nodeId: node.id, params: node.params, pipelineContextId, inputs });
  const choice = JSON.stringify(Object.fromEntries(Object.entries(resolved).map(([k, arts]) => [k, arts.map((a) => a.id)])));
  const unchanged = useCache && previousChoice(config, scope) === choice;
  const executionId = store.transaction(() => {
    const id = store.createExecution({
      type: component.name, state: unchanged ? 'CACHED' : 'COMPLETE', name: executionName(scope.runId, node.id),
      customProperties: {
        [ExecProps.nodeId]: node.id, [ExecProps.runId]: scope.runId, [ExecProps.pipelineName]: scope.pipelineName,
        [ExecProps.durationMs]: config.clock() - t0,
        resolved: choice,
      },
    });
    for (const c of scope.contextIds) store.associate(c, id);
    const seen = new Set<number>();
    for (const [k, arts] of Object.entries(inputs)) for (const a of arts) if (!seen.has(a.id)) { seen.add(a.id); store.putEvent({ artifactId: a.id, executionId: id, type: 'INPUT', key: k, index: 0 }); }
    store.putEvent({ artifactId: scope.configArtifactId, executionId: id, type: 'INPUT', key: '_pipeline_configuration', index: 0 });
    for (const [k, arts] of Object.entries(resolved)) arts.forEach((a, index) => store.putEvent({ artifactId: a.id, executionId: id, type: 'OUTPUT', key: k, index }));
    return id;
  });
  const outputs: Record<string, OutputRef> = {};
  for (const [k, arts] of Object.entries(resolved)) {
    const a = arts[0];
    if (a) outputs[k] = { artifactId: a.id, type: a.type, uri: a.uri, digest: String(a.customProperties[ArtifactProps.digest] ?? '') };
  }
  const found = Object.entries(resolved).map(([k, arts]) => `${k}=${arts.length ? arts.map((a) => `#${a.id}`).join(',') : 'none'}`).join(' ');
  config.logger.info({ node: node.id }, `${node.id}: resolved ${found}${unchanged ? ' (unchanged)' : ''}`);
  return { id: node.id, type: component.name, status: unchanged ? 'cached' : 'complete', durationMs: config.clock() - t0, executionId, outputs };
}
