import type { SourceConfig } from '../config.js';
import type { CorpusReadResult } from '../corpus/article.js';
import { readCorpus } from '../corpus/read-corpus.js';
import type { Lang } from '../text/lang.js';

/**
 * Reads a folder source (through its field map and id rule). Throws, as readCorpus does, when
 * the folder itself cannot be read: a folder is authoritative, so building without it would
 * remove its articles.
 */
export function readFolderSource(
  source: Extract<SourceConfig, { type: 'folder' }>,
  options: { maxFileBytes: number; detectLanguage: (text: string) => Lang },
): Promise<CorpusReadResult> {
  return readCorpus(source.path, { ...options, map: source.map, idFrom: source.idFrom });
}
