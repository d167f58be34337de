import type { IsoDate } from './calendar.js';

/** The calendar unit a time expression names. */
export type Granularity = 'day' | 'week' | 'month' | 'season' | 'year' | 'decade';

/**
 * A period a question names, as inclusive calendar days. `from` null: no lower bound ("prima del
 * 2020"); `to` null: no upper bound (only for a period that starts after today). A period that
 * reaches past today ends today: nothing is published after "now".
 */
export interface Period {
  from: IsoDate | null;
  to: IsoDate | null;
  granularity: Granularity;
  /** The words of the question the period was read from, as written. */
  text: string;
}

/** A resolved span before it is tied to the question's words. */
export type Span = Omit<Period, 'text'>;
