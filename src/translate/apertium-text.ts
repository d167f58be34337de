// Sentence-initial question words and prepositions. Capitalised, some fall through Apertium's
// Catalan pivot untranslated ("When…" → "Quan…"); lower-cased they translate. Measured on 600
// SQuAD-it questions: word overlap with the reference translation +1.3 points both ways.
const LOWERCASE_FIRST = new Set(
  'when what who whom whose where which why how in during on at after before from for quando quale qual quali chi dove che cosa come perché quanto quanta quanti quante'.split(
    ' ',
  ),
);

/** Lower-cases the first letter when the text starts with a word from a small list of question words and prepositions. */
export function lowerInitialFunctionWord(text: string): string {
  const first = /^\p{L}+/u.exec(text)?.[0] ?? '';
  return LOWERCASE_FIRST.has(first.toLowerCase()) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Upper-cases the first character of `text` when `like` starts with an upper-case letter. */
export function matchInitialCase(text: string, like: string): string {
  const initial = like.charAt(0);
  return initial !== initial.toLowerCase() ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * The first "did/does/do" after a question word that opens the question (after a preposition, or
 * a leading phrase and a comma, at most), when a word follows it: the auxiliary of an English
 * question ("What new concept did Lavrov propose?"). Apertium's pivot renders it as a verb of its
 * own ("Quale concetto nuovo fece Lavrov proporre?"); dropped, the main verb is translated in its
 * place ("… Lavrov propone?"). "Did Rubio meet Lavrov?" (no question word) and "not" after it are
 * left alone.
 */
const DO_SUPPORT =
  /^((?:[^,?]*,\s*)?(?:(?:in|on|at|for|from|with|by|of|to|during|after|before|since|until)\s+)?(?:what|which|who|whom|whose|where|when|why|how)\b[^?]*?)\b(?:did|does|do)\s+(?!not\b|n['’]t\b)(?=[\p{L}\p{N}])/iu;

/**
 * `text` without the auxiliary "do" of an English question (DO_SUPPORT), when it is one
 * sentence ending in its only "?"; otherwise unchanged. Measured through Apertium against the Italian
 * reference questions: content-term F1 .593 → .602 on squad-it-dev (600), .557 → .569 on
 * squad-it-train (3,241), with `npm run translation-check`.
 */
export function dropDoSupport(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.endsWith('?') || /[.!?;]\s/.test(trimmed)) return text;
  return trimmed.replace(DO_SUPPORT, '$1');
}

/**
 * `translation` with the names Apertium glued to a possessive put back: a name it does not know,
 * followed by "'s" in `source`, comes back fused with "ha" ("What did Rubio say about Lavrov's
 * idea?" → "… con Lavrovha idea?"), a word no article holds; it is put back as the name
 * ("… con Lavrov idea?"). Names it knows come back as "di X" and are left alone. With
 * dropDoSupport, `npm run translation-check` gives .602 → .603 on squad-it-dev, .569 → .570 on
 * squad-it-train.
 */
export function repairPossessives(translation: string, source: string): string {
  // A name is letters, digits and hyphens only: it goes into the pattern as it is.
  const names = new Set([...source.matchAll(/([\p{L}\p{N}][\p{L}\p{N}-]*)['’]s\b/gu)].flatMap((m) => m[1] ?? []));
  let repaired = translation;
  for (const name of names)
    repaired = repaired.replace(new RegExp(`(?<![\\p{L}\\p{N}])${name}ha(?![\\p{L}\\p{N}])`, 'gu'), name);
  return repaired;
}

/**
 * Removes Apertium's word marks (`*unknown`, `#generation-error`, `@transfer-error`) from a
 * translation. APy strips `*` only once at the end of a chain, so a word unknown to both hops
 * comes back as `*word`; marks only ever start a word, so `5*3` is left alone.
 */
export function stripApertiumMarks(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])[*#@]+(?=[\p{L}\p{N}])/gu, '');
}
