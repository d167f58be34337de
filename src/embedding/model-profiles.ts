import type { ModelSpec } from './embedder.js';
import type { Lang } from '../text/lang.js';

type Profile = Omit<ModelSpec, 'id' | 'localDir'>;

/**
 * Known models' conventions. Anything here can be overridden by configuration
 * (EMBEDDING_DIMS, EMBEDDING_DTYPE, EMBEDDING_*_PREFIX, EMBEDDING_MAX_TOKENS).
 */
const PROFILES: Record<string, Profile> = {
  'multilingual-e5-small': {
    dims: 384,
    dtype: 'q8',
    queryPrefix: 'query: ',
    passagePrefix: 'passage: ',
    maxTokens: 512,
  },
  'multilingual-e5-base': {
    dims: 768,
    dtype: 'q8',
    queryPrefix: 'query: ',
    passagePrefix: 'passage: ',
    maxTokens: 512,
  },
  'all-MiniLM-L6-v2': { dims: 384, dtype: 'q4', queryPrefix: '', passagePrefix: '', maxTokens: 256 },
  'paraphrase-multilingual-MiniLM-L12-v2': {
    dims: 384,
    dtype: 'q8',
    queryPrefix: '',
    passagePrefix: '',
    maxTokens: 128,
  },
};

const FALLBACK: Profile = { dims: 384, dtype: 'q8', queryPrefix: '', passagePrefix: '', maxTokens: 512 };

export interface ModelOverrides {
  dims?: number | undefined;
  dtype?: string | undefined;
  queryPrefix?: string | undefined;
  passagePrefix?: string | undefined;
  maxTokens?: number | undefined;
}

/** The model's name without its hub namespace: `Xenova/multilingual-e5-small` → `multilingual-e5-small`. */
export function modelName(id: string): string {
  return id.split('/').pop() ?? id;
}

/** The spec of `id` (a hub id such as `Xenova/multilingual-e5-small` or a folder name), with overrides applied. */
export function describeModel(id: string, localDir: string | null, overrides: ModelOverrides = {}): ModelSpec {
  const base = PROFILES[modelName(id)] ?? FALLBACK;
  return {
    id,
    localDir,
    dims: overrides.dims ?? base.dims,
    dtype: overrides.dtype ?? base.dtype,
    queryPrefix: overrides.queryPrefix ?? base.queryPrefix,
    passagePrefix: overrides.passagePrefix ?? base.passagePrefix,
    maxTokens: overrides.maxTokens ?? base.maxTokens,
  };
}

/**
 * Languages a known model was trained on, or null when it is multilingual or unknown (then its
 * vectors are trusted for any language). An index built with a monolingual model can embed other
 * languages' passages through a machine translation into it (EMBED_VIA_TRANSLATION).
 */
const LANGUAGES: Record<string, readonly Lang[]> = {
  'all-MiniLM-L6-v2': ['en'],
};

/** The languages of model `id` (hub id or folder name), or null when it covers any. */
export function modelLanguages(id: string): readonly Lang[] | null {
  return LANGUAGES[modelName(id)] ?? null;
}
