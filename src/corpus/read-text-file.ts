import { readFile, stat } from 'node:fs/promises';
import { describeFsError } from './describe-fs-error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The content of a UTF-8 text file, without a leading BOM, or the reason it cannot be used:
 * unreadable, not a regular file, larger than `maxBytes` (checked before reading), binary
 * (holds NUL bytes) or not valid UTF-8. Never throws.
 */
export async function readTextFile(path: string, maxBytes: number): Promise<{ text: string } | { error: string }> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { error: 'not a regular file' };
    if (info.size > maxBytes) return { error: `larger than maxFileBytes (${info.size} > ${maxBytes} bytes)` };
    bytes = await readFile(path);
  } catch (error) {
    return { error: `unreadable (${describeFsError(error)})` };
  }
  if (bytes.includes(0)) return { error: 'binary file (contains NUL bytes)' };
  try {
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { error: 'invalid UTF-8' };
  }
}
