import { fork, type ChildProcess } from 'node:child_process';
import { emptyBuildReport, type BuildProgress, type BuildReport } from './build-report.js';

/** Messages a build worker sends to its parent over IPC. */
export type WorkerMessage = { type: 'progress'; progress: BuildProgress } | { type: 'report'; report: BuildReport };

/** A second build was asked for while one runs. */
export class ReindexBusyError extends Error {
  override readonly name = 'ReindexBusyError';
}

export interface ChildReindexerOptions {
  /** The worker script (it runs the same buildIndex() as `npm run index`). */
  workerPath: string;
  /** Node flags for the worker (e.g. `--import tsx` to run TypeScript). */
  execArgv?: string[];
  /** The worker's environment (default: the bot's own). */
  env?: NodeJS.ProcessEnv;
  /** Called after every build, whatever its outcome (e.g. to swap the live index in). */
  onFinished?: (report: BuildReport) => void;
}

/**
 * Runs index builds in a child process, one at a time, so the bot keeps answering and a build
 * that crashes or is killed cannot take it down. A worker that dies without a report yields a
 * failed report saying how it ended.
 */
export class ChildReindexer {
  private current: { since: Date; by: string; child: ChildProcess } | null = null;

  constructor(private readonly options: ChildReindexerOptions) {}

  running(): { since: Date; by: string } | null {
    return this.current === null ? null : { since: this.current.since, by: this.current.by };
  }

  /** Starts a build; rejects with ReindexBusyError when one is running. */
  start(request: { full: boolean; by: string; onProgress: (progress: BuildProgress) => void }): Promise<BuildReport> {
    if (this.current !== null)
      return Promise.reject(
        new ReindexBusyError(
          `a reindex is already running since ${this.current.since.toISOString()}, started by ${this.current.by}`,
        ),
      );
    const since = new Date();
    const child = fork(this.options.workerPath, request.full ? ['--full'] : [], {
      execArgv: this.options.execArgv ?? process.execArgv,
      ...(this.options.env === undefined ? {} : { env: this.options.env }),
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.current = { since, by: request.by, child };
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    return new Promise<BuildReport>((resolve) => {
      let report: BuildReport | null = null;
      child.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') request.onProgress(message.progress);
        else report = message.report;
      });
      let finished = false;
      const finish = (how: string) => {
        // 'error' can follow or precede 'close' for the same child: report once.
        if (finished) return;
        finished = true;
        this.current = null;
        const final =
          report ??
          failedReport(since, `the build process ${how}${stderr.trim() === '' ? '' : `: ${lastLine(stderr)}`}`);
        this.options.onFinished?.(final);
        resolve(final);
      };
      child.on('error', (error) => finish(`could not run (${error.message})`));
      // 'close', not 'exit': it comes after the IPC channel and stderr are drained, so a report sent just before exiting is never missed.
      child.on('close', (code, signal) =>
        finish(signal === null ? `exited with code ${String(code)}` : `was killed (${signal})`),
      );
    });
  }

  /** Stops a running build (at shutdown). */
  stop(): void {
    this.current?.child.kill('SIGTERM');
  }
}

const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';

function failedReport(since: Date, error: string): BuildReport {
  return { ...emptyBuildReport(since, false), error, durationMs: Date.now() - since.getTime() };
}
