import type { Lang } from '../text/lang.js';

/** Machine translation behind one small interface: null means "could not translate". */
export interface Translator {
  /** `apertium`, `llm`, …: shown in answers and /status. */
  readonly engine: string;
  translate(text: string, from: Lang, to: Lang): Promise<string | null>;
}
