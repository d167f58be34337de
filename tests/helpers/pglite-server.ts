import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { isCi, projectRoot } from '../../src/config.js';

/** A Postgres-protocol server for the engine tests: its URL and how to stop it (null when it was given, not started). */
export interface PgServer {
  url: string;
  stop: () => Promise<void>;
}

const SERVER = path.join(projectRoot, 'node_modules', '.bin', 'pglite-server');
const START_TIMEOUT_MS = 90_000;

/**
 * The server the Postgres-engine tests use: TEST_DATABASE_URL when set (.ci/run starts one
 * PGlite server for the whole run), else a PGlite server (pglite-server with pgvector) started
 * here on a free loopback port. Returns the reason instead when none can be had: the tests are
 * skipped with it locally and fail under CI=true.
 */
export async function startPgServer(): Promise<PgServer | { unavailable: string }> {
  const given = process.env.TEST_DATABASE_URL;
  if (given !== undefined && given !== '') {
    const error = await waitForServer(given, 10_000);
    return error === null ? { url: given, stop: () => Promise.resolve() } : { unavailable: `${given}: ${error}` };
  }
  if (!existsSync(SERVER)) return { unavailable: `${SERVER} is missing (npm ci installs it)` };
  const port = await freePort();
  const child = spawn(
    SERVER,
    [
      '--db',
      'memory://',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--max-connections',
      '8',
      '--extensions',
      '@electric-sql/pglite-pgvector:vector',
    ],
    { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  const error = await waitForServer(url, START_TIMEOUT_MS, child);
  if (error !== null) {
    child.kill('SIGKILL');
    return { unavailable: `pglite-server did not start: ${error} ${stderr.trim()}` };
  }
  return { url, stop: () => stopChild(child) };
}

/** Why the tests skip (locally) or fail (CI=true) when there is no server. */
export const pgUnavailableNote = (reason: string) =>
  ` — ${isCi() ? 'FAILS' : 'SKIPPED'}: no PostgreSQL server (${reason})`;

async function waitForServer(url: string, timeoutMs: number, child?: ChildProcess): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  let last = 'timed out';
  while (Date.now() < deadline) {
    if (child !== undefined && child.exitCode !== null) return `exited with code ${child.exitCode}`;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return null;
    } catch (error) {
      last = (error as Error).message;
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return last;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
