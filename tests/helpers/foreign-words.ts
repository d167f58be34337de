import type { Lang } from '../../src/text/lang.js';

// Function words of one language that are not words of the other (so "a", "in", "no", "per",
// "come", "con", "solo" are in neither list). One of them in a text is a sentence in the wrong
// language: the texts are short, and each of these words only stands in a sentence.
const ONLY: Readonly<Record<Lang, ReadonlySet<string>>> = {
  en: new Set(
    `the is are was were be been being of and to with from this that these those not cannot could would will has have
had please you your it its at by for there here which what when where who why how only every all any into than then
but or if do does did can may must should our my yet again now still found using instead so too their through other they them we he she`.split(
      /\s+/,
    ),
  ),
  it: new Set(
    `il lo gli di da del dello della delle dei degli nel nello nella nelle negli al allo alla alle ai agli dal dalla
dai dagli sul sulla è e non che una uno un sono ha hanno questo questa questi queste più già anche ancora essere
sto puoi posso riprova qui mai tra fra ci ti mi sei siamo oppure cosa dove quando perché tutti ogni altri altre`.split(
      /\s+/,
    ),
  ),
};

/**
 * The words of `text` that belong to the other language than `lang`, in order. What a reader
 * sees quoted as technical detail is left out first: code spans and blocks (file errors, model
 * ids, paths), Discord timestamps, URLs, `{placeholders}`, "e.g." and configuration keys
 * (`EMBEDDING_MODEL`, `QUERY_TRANSLATION=off`).
 */
export function foreignWords(text: string, lang: Lang): string[] {
  const other = ONLY[lang === 'it' ? 'en' : 'it'];
  const prose = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/<t:\d+:\w>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\be\.g\./g, ' ')
    .replace(/\{\w+\}/g, ' ')
    .replace(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]*(=\S+)?/g, ' ');
  return (prose.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => other.has(word));
}
