import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, tempDir } from '../helpers.js';
import { cli, cliJson } from '../cli-helper.js';

const componentUrl = pathToFileURL(join(REPO_ROOT, 'dist', 'orchestrator', 'component.js')).href;

test('a node that reports anomalies with fail_on_anomalies publishes its artifact, then the run stops with the report', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'check.mjs'), `import { defineComponent } from '${componentUrl}';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
export default defineComponent({ name: 'Check', version: '1', inputs: {}, outputs: { anomalies: { type: 'ExampleAnomalies' } },
  params: { found: { type: 'integer', default: 0 } },
  async executor(ctx) {
    await writeFile(join(ctx.outputs.anomalies.uri, 'report.txt'), 'fare: FLOAT_TYPE_HAS_NAN\\ncompany: SCHEMA_NEW_COLUMN\\n');
    return { anomalies: { customProperties: { fail_on_anomalies: 1, anomalies_found: ctx.params.found } } };
  } });
`);
  writeFileSync(join(dir, 'after.mjs'), `import { defineComponent } from '${componentUrl}';
export default defineComponent({ name: 'After', version: '1', inputs: { a: { type: 'ExampleAnomalies' } }, outputs: {}, params: {},
  async executor() {} });
`);
  const yaml = (found: number) => `pipeline_name: stop\npipeline_root: ./root\ncomponents:\n  check:\n    type: ./check.mjs\n    params: { found: ${found} }\n  after:\n    type: ./after.mjs\n    inputs: { a: check.anomalies }\n`;
  const file = join(dir, 'p.yaml');
  writeFileSync(file, yaml(2));
  const r = await cli(['run', file, '--json']);
  assert.equal(r.code, 1);
  const j = cliJson<{ status: string; nodes: { id: string; status: string; outputs: Record<string, { uri: string }> }[] }>(r);
  assert.equal(j.status, 'failed');
  assert.deepEqual(j.nodes.map((n) => `${n.id}:${n.status}`), ['check:complete', 'after:skipped']);
  assert.ok(existsSync(join(j.nodes[0].outputs.anomalies.uri, 'report.txt')), 'the anomalies artifact is published');
  assert.match(r.stderr, /error: check: 2 anomalies found and fail_on_anomalies is set/);
  assert.match(r.stderr, /error: company: SCHEMA_NEW_COLUMN/);

  // Unchanged re-run: the check is cached, but its data still failed validation, so the run stops there again.
  const again = await cli(['run', file, '--json']);
  assert.equal(again.code, 1, again.stderr);
  const j2 = cliJson<{ status: string; nodes: { id: string; status: string; outputs: Record<string, { artifactId: number }> }[] }>(again);
  assert.equal(j2.status, 'failed');
  assert.deepEqual(j2.nodes.map((n) => `${n.id}:${n.status}`), ['check:cached', 'after:skipped']);
  assert.equal(j2.nodes[0].outputs.anomalies.artifactId, (j.nodes[0].outputs as unknown as Record<string, { artifactId: number }>).anomalies.artifactId);
  assert.match(again.stderr, /error: check: 2 anomalies found and fail_on_anomalies is set/);

  writeFileSync(file, yaml(0));
  const ok = await cli(['run', file, '--json']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(readFileSync(file, 'utf8').includes('found: 0'), true);
});
