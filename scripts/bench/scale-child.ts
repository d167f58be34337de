import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/config.js';
import { indexTuning } from '../../src/index/tuning.js';
import { measureScale } from './scale-one.js';
import type { ScaleResult } from './types.js';

/**
 * The `--scale-one N` child: measures one synthetic size in this process, in `dataDir` (else a
 * temp folder), and removes its scratch files. Imports nothing of the model, so the process's
 * memory is the index's and the runtime's alone.
 */
export function runScaleChild(
  passages: number,
  dataDir: string | null,
  config: Config,
  log: (line: string) => void,
): ScaleResult {
  const dir = dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'archivista-scale-'));
  mkdirSync(dir, { recursive: true });
  try {
    const { hnsw, efSearch } = indexTuning(config.TUNING);
    return measureScale({
      passages,
      dir,
      hnsw,
      efSearch,
      log: (line) => log(`[scale ${passages}] ${line}`),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
