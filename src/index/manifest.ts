import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { BridgeNote } from './build-report.js';

export const manifestSchema = z.object({
  schemaVersion: z.number().int(),
  generationId: z.string(),
  /** The model the vectors were made with (what queries must use). */
  model: z.object({
    id: z.string(),
    dims: z.number().int(),
    dtype: z.string(),
    queryPrefix: z.string(),
    passagePrefix: z.string(),
    maxTokens: z.number().int(),
  }),
  /** EMBEDDING_MODEL when the index was built fully; a change of it forces a full rebuild. */
  configuredModelId: z.string(),
  chunker: z.object({ maxTokens: z.number().int(), overlapSentences: z.number().int() }),
  hnsw: z.object({ m: z.number().int(), efConstruction: z.number().int(), maxElements: z.number().int() }),
  /** Size and checksum of vectors.hnsw: a truncated or corrupt file is caught before it is parsed (null: the engine keeps no vectors file). */
  vectorsFile: z.object({ bytes: z.number().int(), sha256: z.string() }).nullable(),
  /** The engine that holds the generation (absent in indexes written before there were two = sqlite). */
  engine: z.enum(['sqlite', 'postgres']).default('sqlite'),
  /** The PostgreSQL schema that holds a postgres generation (null for sqlite). */
  schema: z.string().nullable().default(null),
  /**
   * Set when passages in other languages than the model's were embedded through a machine
   * translation into `language`: questions must then be embedded in that language too.
   * Absent in indexes written before it existed (= null).
   */
  bridge: z
    .object({ language: z.enum(['it', 'en']), engine: z.string() })
    .nullable()
    .default(null),
  /** The corpus's main language: what query translation targets. */
  corpusLanguage: z.enum(['it', 'en']),
  builtAt: z.string(),
  counts: z.object({ articles: z.number().int(), chunks: z.number().int(), vectors: z.number().int() }),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** The note saying how an index embedded its passages through a translation; null when it did not. */
export function bridgeNote(bridge: Manifest['bridge']): BridgeNote | null {
  return bridge === null
    ? null
    : { code: 'bridged', engine: bridge.engine, language: bridge.language, untranslated: 0 };
}

/** Reads and validates a manifest; throws with the file name and what is wrong. */
export function readManifest(file: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read manifest ${file}: ${(error as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`manifest ${file} is malformed: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return parsed.data;
}
