import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config.js';
import type { BuildReport } from '../../src/index/build-report.js';
import type { PausePoint } from '../../src/index/pause-for-test.js';
import { SHARED_MODELS, REAL_SPEC } from './build-setup.js';

/** A CLI build (`scripts/index.ts`) running as a child process. */
export interface CliBuild {
  child: ChildProcess;
  pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has ended (and been reaped). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface CliBuildOptions {
  /** `--corpus DIR`; or, with `sourcesFile`, `--sources FILE` (one of the two). */
  corpusDir?: string;
  sourcesFile?: string;
  dataDir: string;
  /** An empty folder: MODELS_DIR, so the model resolves to the on-disk fallback in ../shared/models. */
  modelsDir: string;
  pauseAt?: PausePoint;
  /** Wraps the command, e.g. ['prlimit', '--fsize=200000'] to cap the size of every file it writes. */
  prefix?: string[];
  /** EMBEDDING_BATCH_SIZE (default 16: fast; 1 makes embedding slow enough to be interrupted). */
  batchSize?: number;
  /** The tuning file's chunk.maxTokens (default: none, derived from the model like realBuildOptions' null). */
  chunkMaxTokens?: number;
}

/**
 * Starts `node --import tsx scripts/index.ts --corpus …|--sources … --data … --json` (with `pauseAt`:
 * `tests/helpers/paused-build.ts --pause-at … --corpus …`, which stops there) with the environment a
 * machine without network has: the configured model is the on-disk one (so it agrees with
 * realBuildOptions and an incremental build follows a test build), found through the fallback folder.
 */
export function startCliBuild(options: CliBuildOptions): CliBuild {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMBEDDING_MODEL: REAL_SPEC.id,
    EMBEDDING_FALLBACK_DIR: SHARED_MODELS,
    EMBEDDING_FALLBACK_MODEL: REAL_SPEC.id,
    MODELS_DIR: options.modelsDir,
    HUB_TIMEOUT_MS: '500',
    // The tuning in code (chunking, HNSW), unless a test asks for another chunk size.
    TUNING_FILE: options.chunkMaxTokens === undefined ? '' : writeChunkTuning(options),
    EMBEDDING_BATCH_SIZE: String(options.batchSize ?? 16),
    // Test builds (realBuildOptions) embed as written; so must the CLI, or it would rebuild fully.
    EMBED_VIA_TRANSLATION: 'off',
  };
  // A build that pauses runs the test entry point (the pause is a build option, not configuration).
  const entry =
    options.pauseAt === undefined
      ? [path.join(projectRoot, 'scripts', 'index.ts'), '--json']
      : [path.join(projectRoot, 'tests', 'helpers', 'paused-build.ts'), '--pause-at', options.pauseAt];
  const from =
    options.sourcesFile === undefined ? ['--corpus', options.corpusDir ?? ''] : ['--sources', options.sourcesFile];
  const args = ['--import', 'tsx', ...entry, ...from, '--data', options.dataDir];
  const [command, ...prefixArgs] = [...(options.prefix ?? []), process.execPath];
  const child = spawn(command ?? process.execPath, [...prefixArgs, ...args], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      err += `${error.message}\n`;
      resolve({ code: null, signal: null });
    });
  });
  if (child.pid === undefined) throw new Error(`could not start ${command ?? 'node'}`);
  return { child, pid: child.pid, stdout: () => out, stderr: () => err, exited };
}

/** Writes a tuning file with `chunkMaxTokens` beside the data folder; returns its path. */
function writeChunkTuning(options: CliBuildOptions): string {
  const file = `${options.dataDir}.tuning.json`;
  writeFileSync(file, JSON.stringify({ chunk: { maxTokens: options.chunkMaxTokens } }));
  return file;
}

/** Polls `ready` every 20 ms; fails with the child's output when it ends first or `timeoutMs` passes. */
export async function waitUntil(
  build: CliBuild,
  ready: () => boolean,
  what: string,
  timeoutMs = 45_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (build.child.exitCode !== null || build.child.signalCode !== null) {
      throw new Error(
        `the build ended (code ${String(build.child.exitCode)}) before ${what}:\n${build.stderr()}\n${build.stdout()}`,
      );
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${build.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits for the `paused-at-<point>` file the build writes before it stops at `point`. */
export function waitForPause(build: CliBuild, dataDir: string, point: PausePoint): Promise<void> {
  return waitUntil(build, () => existsSync(path.join(dataDir, `paused-at-${point}`)), `paused-at-${point}`);
}

/** SIGKILL (kill -9) by pid, then waits until the process is gone. */
export async function killHard(build: CliBuild): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  // Only ever the child's own pid (a pid <= 0 would signal a whole process group).
  if (build.pid <= 0) throw new Error(`refusing to kill pid ${build.pid}`);
  process.kill(build.pid, 'SIGKILL');
  return build.exited;
}

/** Runs a CLI build to its end; returns exit code, output and the `--json` report (null if none was printed). */
export async function runCliBuild(
  options: CliBuildOptions,
): Promise<{ code: number | null; stdout: string; stderr: string; report: BuildReport | null }> {
  const build = startCliBuild(options);
  const { code } = await build.exited;
  const jsonLine = build
    .stdout()
    .split('\n')
    .find((line) => line.startsWith('{"outcome"'));
  return {
    code,
    stdout: build.stdout(),
    stderr: build.stderr(),
    report: jsonLine === undefined ? null : (JSON.parse(jsonLine) as BuildReport),
  };
}
