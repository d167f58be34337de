/** Month names (folded: lowercase, no accents), Italian and English, to month numbers 1–12. */
export const MONTHS: Record<string, number> = {
  gennaio: 1,
  febbraio: 2,
  marzo: 3,
  aprile: 4,
  maggio: 5,
  giugno: 6,
  luglio: 7,
  agosto: 8,
  settembre: 9,
  ottobre: 10,
  novembre: 11,
  dicembre: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** Meteorological seasons by the month they start in; a winter belongs to the year of its January. */
export const SEASONS: Record<string, number> = {
  primavera: 3,
  estate: 6,
  autunno: 9,
  inverno: 12,
  spring: 3,
  summer: 6,
  autumn: 9,
  fall: 9,
  winter: 12,
};

/** Weekday names to ISO numbers (1 = Monday). */
export const WEEKDAYS: Record<string, number> = {
  lunedi: 1,
  martedi: 2,
  mercoledi: 3,
  giovedi: 4,
  venerdi: 5,
  sabato: 6,
  domenica: 7,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

/** Small numbers written as words. */
export const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  uno: 1,
  una: 1,
  due: 2,
  tre: 3,
  quattro: 4,
  cinque: 5,
  sei: 6,
  sette: 7,
  otto: 8,
  nove: 9,
  dieci: 10,
  undici: 11,
  dodici: 12,
  quindici: 15,
  venti: 20,
  trenta: 30,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

/** Decades written as words ("anni novanta"). */
export const DECADE_WORDS: Record<string, number> = {
  venti: 1920,
  trenta: 1930,
  quaranta: 1940,
  cinquanta: 1950,
  sessanta: 1960,
  settanta: 1970,
  ottanta: 1980,
  novanta: 1990,
};

/** Time units to the calendar unit they count. */
export const UNITS: Record<string, 'day' | 'week' | 'month' | 'year'> = {
  giorno: 'day',
  giorni: 'day',
  settimana: 'week',
  settimane: 'week',
  mese: 'month',
  mesi: 'month',
  anno: 'year',
  anni: 'year',
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
};

/**
 * Words after which a date is a name, not a period ("via 20 Settembre", "piazza 3 Marzo"):
 * streets, squares, bridges and schools are named after dates all over Italy.
 */
export const NAME_WORDS = [
  'via',
  'viale',
  'piazza',
  'piazzale',
  'piazzetta',
  'corso',
  'largo',
  'vicolo',
  'strada',
  'lungomare',
  'ponte',
  'galleria',
  'contrada',
  'borgo',
  'salita',
  'scuola',
  'istituto',
  'liceo',
  'parco',
  'giardini',
  'stazione',
  'street',
  'square',
];

/** A regular-expression alternation of the keys of a vocabulary, longest first. */
export function alternation(words: Iterable<string>): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}
