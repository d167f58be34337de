/**
 * The text catalogue: every user-facing string, in Italian and English, keyed `area.key`.
 *
 * Each area is a file in `./areas/` exporting `defineArea({ it: {...}, en: {...} })`; the Italian
 * texts are the reference and the English ones must have the same keys and `{name}` placeholders
 * (a compile error otherwise, and an Error when the module loads). Adding an area is two lines
 * here: import it, and list it in AREAS under its name. Its keys are then `name.key`.
 *
 * Texts are worded in code and carried as keys and values: reports and errors hold codes, and
 * the formatters call `t(lang, key, values)` in the reader's language.
 */
import type { Lang } from '../text/lang.js';
import { answer } from './areas/answer.js';
import { build } from './areas/build.js';
import { discord } from './areas/discord.js';
import { errors } from './areas/errors.js';
import { gaps } from './areas/gaps.js';
import { setup } from './areas/setup.js';
import { sources } from './areas/sources.js';
import { status } from './areas/status.js';
import { terminal } from './areas/terminal.js';
import { translate } from './areas/translate.js';
import type { Area, Placeholders } from './define-area.js';

export { defineArea, findAreaProblems } from './define-area.js';
export type { Area } from './define-area.js';

/** Every area of the catalogue, by name (a name has no dot). */
export const AREAS = {
  answer,
  build,
  discord,
  errors,
  gaps,
  setup,
  sources,
  status,
  terminal,
  translate,
} as const satisfies Record<string, Area>;

type Areas = typeof AREAS;
type AreaName = Extract<keyof Areas, string>;

/** A key of the catalogue: `area.key`, e.g. `answer.sources`. */
export type TextKey = { [A in AreaName]: `${A}.${keyof Areas[A]['it'] & string}` }[AreaName];

/** The Italian template of `K` (the reference for its placeholders). */
type TemplateOf<K extends TextKey> = K extends `${infer A extends AreaName}.${infer Rest}`
  ? Rest extends keyof Areas[A]['it']
    ? Areas[A]['it'][Rest] & string
    : never
  : never;

/** The values `K`'s placeholders need: none, or one object with every placeholder. */
export type TextValues<K extends TextKey> = [Placeholders<TemplateOf<K>>] extends [never]
  ? []
  : [values: Record<Placeholders<TemplateOf<K>>, string | number>];

const CATALOGUES: Record<Lang, ReadonlyMap<string, string>> = {
  it: flatten('it'),
  en: flatten('en'),
};

function flatten(lang: Lang): ReadonlyMap<string, string> {
  const texts = new Map<string, string>();
  for (const [name, area] of Object.entries(AREAS) as [string, Area][])
    for (const [key, text] of Object.entries(area[lang])) texts.set(`${name}.${key}`, text);
  return texts;
}

/**
 * The text `key` in `lang`, its `{name}` placeholders filled from `values` (numbers formatted
 * for the language: 10.000 / 10,000). Keys and values are checked at compile time. Throws on a
 * key that is not in the catalogue (only reachable past the type checker).
 */
export function t<K extends TextKey>(lang: Lang, key: K, ...values: TextValues<K>): string {
  const template = CATALOGUES[lang].get(key);
  if (template === undefined) throw new Error(`no text "${key}" in the ${lang} catalogue`);
  const filled: Record<string, string | number> = values[0] ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = filled[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(lang) : value;
  });
}
