import { LANGS } from '../text/lang.js';

/** An area's texts in one language: key → template with `{name}` placeholders. */
export type AreaTexts = Readonly<Record<string, string>>;

/** The `{name}` placeholders of a template, as a union of names (never when it has none). */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * What the English texts must be, given the Italian ones (the reference): the same keys, no
 * more, each with the same placeholders. A mismatch reads as the expected type in the error.
 */
type EnglishFor<IT extends AreaTexts, EN> = {
  [K in keyof IT]: K extends keyof EN
    ? EN[K] extends string
      ? SameSet<Placeholders<IT[K]>, Placeholders<EN[K]>> extends true
        ? EN[K]
        : { error: 'needs the placeholders of the Italian text'; italian: IT[K] }
      : string
    : string;
} & { [K in Exclude<keyof EN, keyof IT>]: { error: 'not a key of the Italian texts' } };

/** One area of the catalogue: the same keys in Italian and English. */
export interface Area<IT extends AreaTexts = AreaTexts> {
  readonly it: IT;
  readonly en: { readonly [K in keyof IT]: string };
}

/** The key names that differ between languages, or have an empty text or other placeholders. */
export function findAreaProblems(area: { it: AreaTexts; en: AreaTexts }): string[] {
  const problems: string[] = [];
  const keys = new Set([...Object.keys(area.it), ...Object.keys(area.en)]);
  const placeholders = (text: string) =>
    [...text.matchAll(/\{(\w+)\}/g)]
      .map((m) => m[1])
      .sort()
      .join(',');
  for (const key of keys) {
    for (const lang of LANGS) {
      const text = area[lang][key];
      if (text === undefined) problems.push(`${key}: no ${lang} text`);
      else if (text.trim() === '') problems.push(`${key}: empty ${lang} text`);
    }
    const [it, en] = [area.it[key], area.en[key]];
    if (it !== undefined && en !== undefined && placeholders(it) !== placeholders(en))
      problems.push(`${key}: placeholders differ ({${placeholders(it)}} / {${placeholders(en)}})`);
  }
  return problems;
}

/**
 * Declares one area of the text catalogue. The Italian texts are the reference: the English
 * ones must have the same keys and placeholders, checked at compile time and again when the
 * module loads. Throws an Error naming every problem.
 */
export function defineArea<const IT extends AreaTexts, const EN extends AreaTexts>(area: {
  it: IT;
  en: EN & NoInfer<EnglishFor<IT, EN>>;
}): Area<IT> {
  const problems = findAreaProblems(area);
  if (problems.length > 0) throw new Error(`text catalogue area is incomplete: ${problems.join('; ')}`);
  return area;
}
