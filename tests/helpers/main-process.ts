/**
 * Runs the real composition root (`node --import tsx src/main.ts`, what `npm start` runs) and the
 * real scripts as child processes against fakes on 127.0.0.1, keeping everything they print so a
 * test can wait for log lines and check that no secret ever appeared.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/config.js';
import { SHARED_MODELS } from './build-setup.js';
import type { FakeDiscord } from './fake-discord.js';

/** One pino line the child wrote (JSON), with its message in `msg`. */
export type LogLine = Record<string, unknown> & { msg?: string; level?: number };

/** Everything every child printed (stdout and stderr), shared by the processes of one test file. */
export class Transcript {
  readonly #chunks: string[] = [];

  add(chunk: string): void {
    this.#chunks.push(chunk);
  }

  text(): string {
    return this.#chunks.join('');
  }
}

/** What the child processes get: a PATH and a HOME, nothing else of the parent's environment. */
const BASE_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' };

/**
 * The environment of a bot on a machine without network, talking to `fake`: the configured
 * (multilingual) model is not in the empty `modelsDir`, the hub probe times out after 500 ms, so
 * the on-disk model in ../shared/models serves. Keys a stray `.env` could fill are set empty.
 */
export function botEnv(input: {
  fake: FakeDiscord;
  dataDir: string;
  corpusDir: string;
  modelsDir: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    ...BASE_ENV,
    DISCORD_TOKEN: input.fake.token,
    DISCORD_API_URL: input.fake.apiUrl,
    DISCORD_CLIENT_ID: input.fake.applicationId,
    DISCORD_GUILD_ID: '',
    DATA_DIR: input.dataDir,
    CORPUS_DIR: input.corpusDir,
    MODELS_DIR: input.modelsDir,
    EMBEDDING_FALLBACK_DIR: SHARED_MODELS,
    HUB_TIMEOUT_MS: '500',
    TUNING_FILE: '',
    LOG_LEVEL: 'info',
    REINDEX_PROGRESS_INTERVAL_MS: '200',
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    QUERY_TRANSLATION: 'off',
    APERTIUM_URL: 'off',
    MODERATOR_ROLE_IDS: '',
    ALLOWED_CHANNEL_IDS: '',
    // Answers stay in their channel unless a test turns threads on (main-threads.test.ts).
    ANSWER_IN_THREADS: 'never',
    ...input.extra,
  };
}

/** A child process whose output is kept in memory (and in the shared transcript). */
export interface Child {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The JSON log lines on stderr so far. */
  logs(): LogLine[];
  /** Resolves when the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node --import tsx <file> ...args` in the project root with exactly `env`. */
export function startNode(file: string, args: string[], env: Record<string, string>, transcript: Transcript): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, file), ...args], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => {
    out += s;
    transcript.add(s);
  });
  child.stderr?.setEncoding('utf8').on('data', (s: string) => {
    err += s;
    transcript.add(s);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, logs: () => parseLogLines(err), exited };
}

/** Runs a script to its end; resolves with its exit code and output. */
export async function runNode(
  file: string,
  args: string[],
  env: Record<string, string>,
  transcript: Transcript,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const started = startNode(file, args, env, transcript);
  const { code } = await started.exited;
  return { code, stdout: started.stdout(), stderr: started.stderr() };
}

/** The JSON lines of `text` (other lines are skipped). */
export function parseLogLines(text: string): LogLine[] {
  return text.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as LogLine];
    } catch {
      return [];
    }
  });
}

/** Polls every 20 ms until `child` logs a line with message `msg`; fails with its output if it exits first or `timeoutMs` passes. */
export async function waitForLog(child: Child, msg: string | RegExp, timeoutMs = 30_000): Promise<LogLine> {
  const deadline = Date.now() + timeoutMs;
  const matches = (line: LogLine) => (typeof msg === 'string' ? line.msg === msg : msg.test(line.msg ?? ''));
  for (;;) {
    const found = child.logs().find(matches);
    if (found !== undefined) return found;
    if (child.child.exitCode !== null || child.child.signalCode !== null)
      throw new Error(`the process ended before logging "${String(msg)}":\n${child.stderr()}${child.stdout()}`);
    if (Date.now() > deadline)
      throw new Error(`no "${String(msg)}" log line within ${timeoutMs} ms:\n${child.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The bot as `npm start` runs it, resolved once it logged that it is online (within `timeoutMs`). */
export async function startBot(
  env: Record<string, string>,
  transcript: Transcript,
  timeoutMs = 30_000,
): Promise<Child> {
  const bot = startNode('src/main.ts', [], env, transcript);
  await waitForLog(bot, 'Archivista is online', timeoutMs);
  return bot;
}

/** SIGTERM (the bot shuts down cleanly), SIGKILL after `graceMs`; resolves when it has exited. */
export async function stopChild(
  child: Child,
  graceMs = 5000,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.child.exitCode !== null || child.child.signalCode !== null) return child.exited;
  child.child.kill('SIGTERM');
  const timer = setTimeout(() => child.child.kill('SIGKILL'), graceMs);
  const result = await child.exited;
  clearTimeout(timer);
  return result;
}
