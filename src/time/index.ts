export { daysBetween, isoDateOf, isValidIsoDate, type IsoDate } from './calendar.js';
export { asksForLatest, readQuestionTime, stripTimeWords, warmTimeGrammar } from './latest.js';
export { parsePeriod } from './parse-period.js';
export type { Granularity, Period } from './period.js';
export { formatAge, formatPublicationDate } from './format-date.js';
