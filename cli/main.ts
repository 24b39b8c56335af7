#!/usr/bin/env node
/**
 * tfx-ts command line. Each verb is a plain async function in cli/commands/; this file only wires
 * yargs to them (loaded lazily: `--help` and query commands start fast) and maps errors to one line + an exit code (cli/exit-codes.ts).
 */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { isPipelineError, PipelineError } from '../metadata/errors.js';
import { processIO } from './io.js';
import { exitCodeFor, EXIT } from './exit-codes.js';

type Args = Record<string, unknown> & { json?: boolean; verbose?: boolean; quiet?: boolean; store?: string; pipeline?: string };
let verbose = false;

function requireArg(v: unknown, usage: string): string {
  if (v === undefined || v === null || v === '') throw new PipelineError('USAGE', `missing argument: ${usage}`);
  return String(v);
}

/** yargs coerce for counts: a whole number ≥ 1, else a usage error (exit 2) before anything is opened. */
const positiveInt = (name: string) => (v: unknown): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) throw new PipelineError('USAGE', `--${name} must be a whole number of at least 1, got '${String(v)}'`);
  return n;
};

async function main(argv: string[]): Promise<number> {
  let exit = EXIT.OK as number;
  const logger = async () => (await import('./logger.js')).makeLogger({ level: verbose ? 'debug' : undefined });
  const store = async (a: Args) => (await import('./store-arg.js')).storePathFrom({ store: a.store, pipeline: a.pipeline });
  const withStorePath = async (a: Args, extra: Record<string, unknown> = {}): Promise<never> => ({ ...a, ...extra, store: await store(a) }) as never;
  const act = <A extends Args>(fn: (a: A) => Promise<number>) => async (a: A) => { verbose = !!a.verbose; exit = await fn(a); };
  const withStore = (y: Argv) => y.option('store', { type: 'string', describe: 'metadata file (MLMD SQLite)' })
    .option('pipeline', { alias: 'p', type: 'string', describe: 'pipeline file whose metadata_path to read' });

  await yargs(argv)
    .scriptName('tfx-ts')
    .usage('$0 <command> [options]')
    .option('json', { type: 'boolean', describe: 'machine-readable output: exactly one JSON document on stdout' })
    .option('verbose', { type: 'boolean', describe: 'debug logs, stacks on errors' })
    .command('run <pipeline>', 'run a pipeline file (cached steps are skipped)', (y) => y
      .positional('pipeline', { type: 'string', demandOption: true })
      .option('cache', { type: 'boolean', default: true, describe: 'use the cache (--no-cache: run every node)' })
      .option('to', { type: 'string', describe: 'run this node and what it needs' })
      .option('only', { type: 'array', string: true, describe: 'run only these nodes (inputs from earlier runs)' })
      .option('parallelism', { type: 'string', coerce: positiveInt('parallelism'), describe: 'nodes at once (default: cores)' }),
    act(async (a) => (await import('./commands/run.js')).runCommand(a as never, processIO, await logger())))
    .command('runs [action] [runId]', 'list runs; `runs show <run-id>`: one run in detail', (y) => withStore(y)
      .positional('action', { choices: ['show'] as const }).positional('runId', { type: 'string' })
      .option('limit', { type: 'number' }),
    act(async (a) => (a.action === 'show'
      ? (await import('./commands/runs-show.js')).runsShowCommand(await withStorePath(a, { runId: requireArg(a.runId, 'runs show <run-id>') }), processIO)
      : (await import('./commands/runs.js')).runsCommand(await withStorePath(a), processIO))))
    .command('artifacts [action] [id]', 'list artifacts; `artifacts show <id>`: one in detail', (y) => withStore(y)
      .positional('action', { choices: ['show'] as const }).positional('id', { type: 'string' })
      .option('type', { type: 'string' }).option('run', { type: 'string' }).option('limit', { type: 'number' }),
    act(async (a) => (a.action === 'show'
      ? (await import('./commands/artifacts-show.js')).artifactsShowCommand(await withStorePath(a, { id: requireArg(a.id, 'artifacts show <id>') }), processIO)
      : (await import('./commands/artifacts.js')).artifactsCommand(await withStorePath(a), processIO))))
    .command('examples show <id>', 'print sample records of an Examples artifact', (y) => withStore(y)
      .positional('id', { type: 'string', demandOption: true })
      .option('split', { type: 'string', default: 'train' }).option('n', { type: 'number', default: 5 }),
    act(async (a) => (await import('./commands/examples.js')).examplesShowCommand(await withStorePath(a, { id: String(a.id) }), processIO)))
    .command('stats show <id>', 'statistics of an ExampleStatistics artifact, per split', (y) => withStore(y)
      .positional('id', { type: 'string', demandOption: true }).option('split', { type: 'string', describe: 'one split (default: all)' }),
    act(async (a) => (await import('./commands/stats.js')).statsShowCommand(await withStorePath(a, { id: String(a.id) }), processIO)))
    .command('anomalies show <id>', 'anomalies of an ExampleAnomalies artifact, per split, with the verdict', (y) => withStore(y)
      .positional('id', { type: 'string', demandOption: true }).option('split', { type: 'string', describe: 'one split (default: all)' }),
    act(async (a) => (await import('./commands/anomalies.js')).anomaliesShowCommand(await withStorePath(a, { id: String(a.id) }), processIO)))
    .command('eval show <id>', 'an evaluation (ModelEvaluation or ModelBlessing id): metrics per slice, baseline, verdict', (y) => withStore(y)
      .positional('id', { type: 'string', demandOption: true }),
    act(async (a) => (await import('./commands/eval.js')).evalShowCommand(await withStorePath(a, { id: String(a.id) }), processIO)))
    .command('lineage <id>', 'upstream/downstream lineage of an artifact', (y) => withStore(y)
      .positional('id', { type: 'string', demandOption: true })
      .option('direction', { choices: ['up', 'down', 'both'] as const, default: 'both' })
      .option('max-hops', { type: 'number' })
      .option('format', { choices: ['text', 'json', 'dot', 'mermaid'] as const }),
    act(async (a) => (await import('./commands/lineage.js')).lineageCommand(await withStorePath(a, { id: String(a.id) }), processIO)))
    .command('explain <runId> <node>', 'why a node ran or was cached', (y) => withStore(y)
      .positional('runId', { type: 'string', demandOption: true }).positional('node', { type: 'string', demandOption: true }),
    act(async (a) => (await import('./commands/explain.js')).explainCommand(await withStorePath(a), processIO)))
    .command('reproduce <runId>', 're-execute a recorded run and compare every artifact digest', (y) => withStore(y)
      .positional('runId', { type: 'string', demandOption: true })
      .option('from-recorded-inputs', { type: 'boolean', describe: 'reuse recorded ExampleGen outputs when inputs changed' })
      .option('parallelism', { type: 'string', coerce: positiveInt('parallelism'), describe: 'nodes at once (default: cores)' }),
    act(async (a) => (await import('./commands/reproduce.js')).reproduceCommand(a as never, processIO, await logger())))
    .command('predict <id>', 'predictions of a Model artifact for raw rows (CSV with a header, or JSON rows)', (y) => withStore(y)
      .positional('id', { type: 'string', demandOption: true })
      .option('input', { alias: 'i', type: 'string', demandOption: true, describe: 'rows.csv or rows.json' }),
    act(async (a) => (await import('./commands/predict.js')).predictCommand(await withStorePath(a, { id: String(a.id), input: String(a.input) }), processIO)))
    .command('serve <baseDirectory>', "serve pushed model versions over TF Serving's REST API", (y) => y
      .positional('baseDirectory', { type: 'string', demandOption: true })
      .option('model-name', { type: 'string', demandOption: true })
      .option('port', { type: 'number', default: 8501 }).option('host', { type: 'string', default: '127.0.0.1' }),
    act(async (a) => (await import('./commands/serve.js')).serveCommand({ baseDirectory: String(a.baseDirectory),
      modelName: String(a.modelName), port: a.port as number, host: a.host as string }, processIO, await logger())))
    .command('graph <pipeline>', 'draw the component graph', (y) => y
      .positional('pipeline', { type: 'string', demandOption: true })
      .option('format', { choices: ['dot', 'mermaid', 'svg'] as const, default: 'mermaid' })
      .option('out', { alias: 'o', type: 'string', describe: 'write to this file' }),
    act(async (a) => (await import('./commands/graph.js')).graphCommand(a as never, processIO)))
    .demandCommand(1, 'name a command (tfx-ts --help lists them)')
    .strict()
    // yargs' own errors (YError, e.g. a coerce that threw) are usage errors; a handler's errors pass through.
    .fail((msg, err) => { throw err && err.name !== 'YError' ? err : Object.assign(new Error(err?.message ?? msg), { usage: true }); })
    .help()
    .parseAsync();
  return exit;
}

/**
 * A failed command: one `error:` line per problem on stderr and its exit code; with --json, stdout still gets
 * exactly one JSON document: {"error": first line, "code", "exitCode", "problems": [every line]}.
 */
function reportError(e: unknown, json: boolean): void {
  let code: string;
  let exitCode: number;
  let message: string;
  if (isPipelineError(e)) {
    [code, exitCode, message] = [e.code, exitCodeFor(e.code), e.message];
  } else if (e && typeof e === 'object' && 'usage' in e) {
    [code, exitCode, message] = ['USAGE', EXIT.DEFINITION, (e as unknown as Error).message];
  } else {
    [code, exitCode, message] = ['INTERNAL', EXIT.FAILED, (e as Error)?.message ?? String(e)];
  }
  const lines = message.split('\n').filter((l) => l !== '');
  process.stderr.write(lines.map((l) => `error: ${l}\n`).join(''));
  const stack = e instanceof Error ? e.stack : undefined;
  if (stack && (verbose || (!isPipelineError(e) && process.env.TFX_TS_DEBUG))) process.stderr.write(`${stack}\n`);
  if (json) process.stdout.write(`${JSON.stringify({ error: lines[0] ?? '', code, exitCode, problems: lines })}\n`);
  process.exitCode = exitCode;
}

const args = hideBin(process.argv);
main(args).then((code) => { process.exitCode = code; }, (e: unknown) => reportError(e, args.includes('--json')));
