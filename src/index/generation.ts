import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import hnswlib from 'hnswlib-node';
import { countRows, INDEX_SCHEMA_VERSION, openIndexDb } from '../store/index-db.js';
import { GENERATION_FILES } from './layout.js';
import { readManifest, type Manifest } from './manifest.js';

/** One searchable index: its database and its vectors, always used together. */
export interface Generation {
  readonly id: string;
  readonly dir: string;
  readonly manifest: Manifest;
  readonly db: Database.Database;
  readonly vectors: hnswlib.HierarchicalNSW;
  close(): void;
}

/** The generation on disk is incomplete, corrupt or from another schema; the message says which. */
export class GenerationLoadError extends Error {
  override readonly name = 'GenerationLoadError';
}

/** sha256 of a file, streamed in blocks so a large index is not held twice in memory. */
export function hashFile(file: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const fd = openSync(file, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Bytes of hnswlib's (0.8) index file header: offsetLevel0, maxElements, count, sizeDataPerElement,
 * labelOffset, offsetData (size_t each), maxLevel (int), entryPoint (uint32), maxM, maxM0, M
 * (size_t), mult (double), efConstruction (size_t). The element records and link lists follow.
 */
const HNSW_HEADER_BYTES = 96;

/**
 * Checks that an HNSW file is whole: its header counts `count` elements and the file ends exactly
 * where the element records and per-element link lists it declares end (the walk hnswlib's own
 * loader does before trusting a file). hnswlib writes without checking for errors, so a full disk
 * or a file size limit silently leaves a short file behind. Throws an Error saying what is wrong.
 */
export function checkVectorsFile(file: string, count: number): void {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const header = readAt(fd, 0, HNSW_HEADER_BYTES);
    if (header.length < HNSW_HEADER_BYTES) throw new Error(`${file} has ${size} bytes, less than an HNSW header`);
    const stored = Number(header.readBigUInt64LE(16));
    if (stored !== count) throw new Error(`${file} holds ${stored} vectors, ${count} were written`);
    const linksStart = HNSW_HEADER_BYTES + count * Number(header.readBigUInt64LE(24));
    if (linksStart > size) throw new Error(`${file} is cut short: ${size} bytes, its vectors alone need ${linksStart}`);
    const links = readAt(fd, linksStart, size - linksStart);
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 4 > links.length)
        throw new Error(`${file} is cut short: ${size} bytes, the link lists of ${count - i} vectors are missing`);
      at += 4 + links.readUInt32LE(at);
    }
    if (at !== links.length) throw new Error(`${file} has ${size} bytes, its contents need ${linksStart + at}`);
  } finally {
    closeSync(fd);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return buffer.subarray(0, done);
}

/**
 * Opens the generation in `dir` for searching, after checking that manifest, vectors and
 * database agree. Throws GenerationLoadError saying what is wrong.
 */
export function openGeneration(dir: string, options: { efSearch: number }): Generation {
  const id = path.basename(dir);
  const fail = (why: string): never => {
    throw new GenerationLoadError(`index generation ${id} cannot be loaded: ${why}`);
  };
  const manifestFile = path.join(dir, GENERATION_FILES.manifest);
  if (!existsSync(manifestFile)) fail('manifest.json is missing (an unfinished build?)');
  let manifest: Manifest;
  try {
    manifest = readManifest(manifestFile);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (manifest.schemaVersion !== INDEX_SCHEMA_VERSION)
    fail(`schema version ${manifest.schemaVersion}, this program needs ${INDEX_SCHEMA_VERSION}; run a full reindex`);

  const vectorsFile = path.join(dir, GENERATION_FILES.vectors);
  if (!existsSync(vectorsFile)) fail('vectors.hnsw is missing');
  const bytes = statSync(vectorsFile).size;
  if (bytes !== manifest.vectorsFile.bytes)
    fail(`vectors.hnsw has ${bytes} bytes, the manifest says ${manifest.vectorsFile.bytes} (truncated?)`);
  // hnswlib trusts the file it reads; a corrupt one could crash the process, so check it first.
  if (hashFile(vectorsFile) !== manifest.vectorsFile.sha256)
    fail('vectors.hnsw does not match its checksum in the manifest (corrupt?)');

  let db: Database.Database;
  try {
    db = openIndexDb(path.join(dir, GENERATION_FILES.db), { readonly: true });
  } catch (error) {
    return fail((error as Error).message);
  }
  try {
    const counts = countRows(db);
    if (counts.chunks !== manifest.counts.chunks || counts.articles !== manifest.counts.articles) {
      fail(
        `the database holds ${counts.articles} articles / ${counts.chunks} chunks, the manifest says ${manifest.counts.articles} / ${manifest.counts.chunks}`,
      );
    }
    const vectors = new hnswlib.HierarchicalNSW('cosine', manifest.model.dims);
    vectors.readIndexSync(vectorsFile, true);
    if (vectors.getCurrentCount() !== manifest.counts.vectors)
      fail(`vectors.hnsw holds ${vectors.getCurrentCount()} vectors, the manifest says ${manifest.counts.vectors}`);
    vectors.setEf(options.efSearch);
    return { id, dir, manifest, db, vectors, close: () => db.close() };
  } catch (error) {
    db.close();
    if (error instanceof GenerationLoadError) throw error;
    return fail((error as Error).message);
  }
}
