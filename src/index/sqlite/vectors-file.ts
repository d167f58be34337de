import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

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
