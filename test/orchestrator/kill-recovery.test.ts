import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { tempDir } from '../helpers.js';
import { cli, cliJson, startCli } from '../cli-helper.js';
import { writeFakePipeline } from './fake-pipeline.js';
import { openSqliteStore } from '../../metadata/sqlite/sqlite-store.js';

async function waitFor(cond: () => boolean, ms = 30000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(50);
  }
}

test('kill -9 mid-run: the next command marks the execution FAILED (abandoned), its outputs ABANDONED, and the next run redoes only that node', async () => {
  const dir = tempDir();
  const signal = join(dir, 'go');
  // gen, side, upper in that order, one at a time: side has been published when upper (the one killed) starts.
  const file = writeFakePipeline(dir, { waitFor: signal, sideFirst: true });
  const { child, done } = startCli(['run', file, '--json', '--parallelism', '1']);
  await waitFor(() => existsSync(`${signal}.started`));
  child.kill('SIGKILL');
  await done;

  const dbPath = join(dir, 'root', 'metadata.sqlite');
  const listed = await cli(['runs', '--store', dbPath, '--json']);
  assert.equal(listed.code, 0, listed.stderr);
  const store = openSqliteStore(dbPath);
  try {
    const failed = store.listExecutions({ state: 'FAILED' });
    assert.equal(failed.length, 1);
    assert.equal(failed[0].customProperties.reason, 'abandoned');
    assert.equal(failed[0].customProperties.node_id, 'upper');
    const completed = store.listExecutions({ state: 'COMPLETE' }).map((e) => e.customProperties.node_id).sort();
    assert.deepEqual(completed, ['gen', 'side'], 'the nodes that finished before the kill stay COMPLETE');
    assert.equal(store.listExecutions({ state: 'RUNNING' }).length, 0);
    assert.equal(store.listArtifacts({ state: 'PENDING' }).length, 0);
    assert.equal(store.listArtifacts({ state: 'ABANDONED' }).length, 1);
  } finally {
    store.close();
  }

  writeFileSync(signal, 'go');
  const again = cliJson<{ status: string; nodes: { id: string; status: string }[] }>(await cli(['run', file, '--json']));
  assert.equal(again.status, 'complete');
  const st = Object.fromEntries(again.nodes.map((n) => [n.id, n.status]));
  assert.deepEqual(st, { gen: 'cached', side: 'cached', upper: 'complete' }, 'only the killed node is redone');
  const store2 = openSqliteStore(dbPath);
  try {
    const runs = store2.listContexts('pipeline_run');
    assert.equal(runs.length, 2);
    const ran = store2.listExecutions({ contextId: runs[0].id }).filter((e) => e.state === 'COMPLETE').map((e) => e.customProperties.node_id);
    assert.deepEqual(ran, ['upper'], 'the second run executed upper and nothing else');
  } finally {
    store2.close();
  }
});

test('two runs on one store at the same time both finish correctly', async () => {
  const dir = tempDir();
  const a = writeFakePipeline(dir);
  const [r1, r2] = await Promise.all([cli(['run', a, '--json']), cli(['run', a, '--json', '--no-cache'])]);
  assert.equal(r1.code, 0, r1.stderr);
  assert.equal(r2.code, 0, r2.stderr);
  const j1 = cliJson<{ runId: string; status: string }>(r1);
  const j2 = cliJson<{ runId: string; status: string }>(r2);
  assert.notEqual(j1.runId, j2.runId);
  const store = openSqliteStore(join(dir, 'root', 'metadata.sqlite'));
  try {
    assert.equal(store.listExecutions({ state: 'RUNNING' }).length, 0);
    assert.equal(store.listExecutions({ state: 'FAILED' }).length, 0);
    assert.equal(store.listContexts('pipeline_run').length, 2);
    for (const c of store.listContexts('pipeline_run')) assert.equal(c.customProperties.status, 'complete');
  } finally {
    store.close();
  }
});
