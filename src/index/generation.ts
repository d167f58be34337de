import { existsSync } from 'node:fs';
import path from 'node:path';
import { INDEX_SCHEMA_VERSION } from '../store/index-db.js';
import { failLoad } from './generation-error.js';
import { GENERATION_FILES } from './layout.js';
import { readManifest, type Manifest } from './manifest.js';
import type { Generation, IndexEngine } from './searchable-index.js';
import { sqliteEngine } from './sqlite/sqlite-engine.js';

export { GenerationLoadError } from './generation-error.js';
export type { Generation } from './searchable-index.js';

/**
 * Opens the generation in `dir` for searching with `options.engine` (default: SQLite), after
 * checking that its manifest and the engine's storage agree. Throws GenerationLoadError saying
 * what is wrong (also when the generation was built by another engine).
 */
export function openGeneration(
  dir: string,
  options: { efSearch: number; engine?: IndexEngine | undefined },
): Generation {
  const id = path.basename(dir);
  const manifestFile = path.join(dir, GENERATION_FILES.manifest);
  if (!existsSync(manifestFile)) failLoad(id, 'manifest.json is missing (an unfinished build?)');
  let manifest: Manifest;
  try {
    manifest = readManifest(manifestFile);
  } catch (error) {
    return failLoad(id, (error as Error).message);
  }
  if (manifest.schemaVersion !== INDEX_SCHEMA_VERSION)
    failLoad(
      id,
      `schema version ${manifest.schemaVersion}, this program needs ${INDEX_SCHEMA_VERSION}; run a full reindex`,
    );
  const engine = options.engine ?? sqliteEngine;
  if (manifest.engine !== engine.name)
    failLoad(id, `it was built by the ${manifest.engine} engine, INDEX_ENGINE is ${engine.name}; run a reindex`);
  return engine.open(dir, id, manifest, options.efSearch);
}
