/** The languages Archivista answers in. */
export type Lang = 'it' | 'en';

export const LANGS: readonly Lang[] = ['it', 'en'];

export function isLang(value: unknown): value is Lang {
  return value === 'it' || value === 'en';
}
