import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { projectRoot } from '../../src/config.js';

/** Byte offset of `enterpoint_node_` in an hnswlib 0.8 index file (after six size_t and one int). */
export const HNSW_ENTERPOINT_OFFSET = 52;

/** Cuts `file` to `fraction` of its size. */
export function truncateFileTo(file: string, fraction: number): void {
  truncateSync(file, Math.floor(statSync(file).size * fraction));
}

/** Overwrites `length` bytes at `offset` with 0xff, keeping the size. */
export function overwriteBytes(file: string, offset: number, length: number): void {
  const bytes = readFileSync(file);
  bytes.fill(0xff, offset, offset + length);
  writeFileSync(file, bytes);
}

/** Rewrites a generation's manifest.json through `edit`. */
export function editManifest(generationDir: string, edit: (manifest: Record<string, unknown>) => void): void {
  const file = path.join(generationDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest, null, 2));
}

/** Sets the schema version recorded in a generation's index.db. */
export function setDbSchemaVersion(generationDir: string, version: string): void {
  const db = new Database(path.join(generationDir, 'index.db'));
  try {
    db.prepare("UPDATE meta SET value = ? WHERE key = 'schemaVersion'").run(version);
  } finally {
    db.close();
  }
}

/**
 * Runs `code` (an ES module; may import the project's .ts files by absolute path) in a separate
 * Node process, so a native crash ends that process and not the test runner.
 */
export function runIsolated(
  code: string,
  timeoutMs = 30_000,
): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}
