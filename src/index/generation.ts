import { existsSync } from 'node:fs';
import path from 'node:path';
import { INDEX_SCHEMA_VERSION } from '../store/index-db.js';
import { failLoad } from './generation-error.js';
import { GENERATION_FILES } from './layout.js';
import { readManifest, type Manifest } from './manifest.js';
import type { Generation } from './searchable-index.js';
import { openSqliteGeneration } from './sqlite/sqlite-generation.js';

export { GenerationLoadError } from './generation-error.js';
export type { Generation } from './searchable-index.js';

/**
 * Opens the generation in `dir` for searching, after checking that its manifest and the
 * engine's storage agree. Throws GenerationLoadError saying what is wrong.
 */
export function openGeneration(dir: string, options: { efSearch: number }): Generation {
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
  return openSqliteGeneration(dir, id, manifest, options.efSearch);
}
