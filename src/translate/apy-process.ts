import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApertiumTranslator } from './apertium.js';

/** An APy server this process started; `stop()` ends it (also called when this process exits). */
export interface ApyProcess {
  url: string;
  pid: number;
  stop: () => void;
}

export interface StartApyOptions {
  /** The script with the `serve` command (scripts/apertium.sh): it knows the modes folder and binds APy to loopback. */
  script: string;
  /** How long APy may take to answer and warm up, in ms. */
  startTimeoutMs: number;
}

/** Why APy was not started: not installed (`absent`), or it failed to come up (`failed`, with the reason). */
export type StartApyResult = { ok: true; apy: ApyProcess } | { ok: false; why: 'absent' | 'failed'; detail: string };

const NOT_INSTALLED = 3;

/** A port nothing listens on now, on 127.0.0.1. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Apertium's APy as a child process on a free loopback port, waits until it answers and
 * has warmed both translation chains, and returns it. Never throws: a missing installation or
 * a start that fails or times out is returned as a reason, and the child is stopped.
 */
export async function startApy(options: StartApyOptions): Promise<StartApyResult> {
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('bash', [options.script, 'serve', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // APy must not keep this process alive: when it ends, the exit hook stops APy.
  child.unref();
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  const stop = stopper(child);
  const translator = createApertiumTranslator({ url, timeoutMs: 2000, warmTimeoutMs: 30_000 });
  const deadline = Date.now() + options.startTimeoutMs;
  while (Date.now() < deadline) {
    const code = await Promise.race([exited, sleep(250).then(() => undefined)]);
    if (code !== undefined) {
      stop();
      return code === NOT_INSTALLED
        ? { ok: false, why: 'absent', detail: stderr.trim() }
        : { ok: false, why: 'failed', detail: `APy exited (code ${code ?? 'signal'}): ${stderr.trim().slice(-300)}` };
    }
    if (await translator.available()) {
      if (await translator.warm()) return { ok: true, apy: { url, pid: child.pid ?? 0, stop } };
      stop();
      return { ok: false, why: 'failed', detail: 'APy answered but could not translate (missing pairs?)' };
    }
  }
  stop();
  return { ok: false, why: 'failed', detail: `APy did not answer on ${url} within ${options.startTimeoutMs} ms` };
}

/** Stops `child` once, on request or when this process exits. */
function stopper(child: ChildProcess): () => void {
  const stop = () => {
    process.removeListener('exit', stop);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  return stop;
}
