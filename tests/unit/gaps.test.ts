import { describe, expect, it } from 'vitest';
import { createGapLog } from '../../src/gaps/gap-log.js';
import { groupGaps } from '../../src/gaps/group-gaps.js';
import { StateDb, type GapRow } from '../../src/store/state-db.js';

const row = (
  question: string,
  lang: 'it' | 'en' = 'it',
  kind: GapRow['kind'] = 'not-covered',
  at = '2026-11-01T10:00:00.000Z',
): GapRow => ({
  question,
  lang,
  kind,
  channelId: '123456789012345678',
  createdAt: at,
});

describe('groupGaps', () => {
  it('groups rewordings of one question (accents, case, punctuation, extra words) and keeps others apart', () => {
    const groups = groupGaps([
      row('Cosa ha proposto Lavrov a Rubio?'),
      row('che cosa ha proposto lavrov a rubio'),
      row('Quanto costerà la funivia del Monte Crestaluna?'),
      row('Cosa ha proposto Lavrov a Rubio?', 'it', 'down-vote', '2026-11-02T10:00:00.000Z'),
      row('quanto costera la nuova funivia del monte Crestaluna'),
      row('Chi ha vinto la sagra?'),
    ]);
    expect(groups.map((g) => [g.question, g.count, g.notCovered, g.downVotes])).toEqual([
      ['Cosa ha proposto Lavrov a Rubio?', 3, 2, 1],
      ['Quanto costerà la funivia del Monte Crestaluna?', 2, 2, 0],
      ['Chi ha vinto la sagra?', 1, 1, 0],
    ]);
    expect(groups[0]?.variants).toEqual(['che cosa ha proposto lavrov a rubio']);
    expect(groups[0]?.lastAt).toBe('2026-11-02T10:00:00.000Z');
  });

  it('questions sharing only one word of several are not grouped; a question of stopwords only groups by its text', () => {
    const groups = groupGaps([
      row('Quando riapre il ponte di Montegrillo?'),
      row('Quando chiude la scuola di Montegrillo?'),
      row('e allora?'),
      row('E allora?'),
    ]);
    expect(groups.map((g) => g.count)).toEqual([2, 1, 1]);
    expect(groups[0]?.question).toBe('E allora?');
  });

  it('empty input gives no groups', () => {
    expect(groupGaps([])).toEqual([]);
  });
});

describe('createGapLog (real state database, injected clock)', () => {
  it('keeps questions for the retention period, lists the last N days only, and keeps none with retention 0', () => {
    const state = new StateDb(':memory:');
    let now = new Date('2026-11-01T00:00:00.000Z');
    const log = createGapLog(state, { retentionDays: 30, now: () => now });
    const gap = {
      question: 'Quando riapre il ponte?',
      lang: 'it' as const,
      kind: 'not-covered' as const,
      channelId: null,
    };
    log.record(gap);
    now = new Date('2026-11-20T00:00:00.000Z');
    log.record({ ...gap, question: 'Chi ha vinto?' });
    expect(log.top(7, 10).map((g) => g.question)).toEqual(['Chi ha vinto?']);
    expect(log.top(30, 10)).toHaveLength(2);
    // Past the retention, the first one is deleted at the next record, even unlisted.
    now = new Date('2026-12-05T00:00:00.000Z');
    log.record({ ...gap, question: 'Dove?' });
    expect(state.gapsSince('1970-01-01T00:00:00.000Z').map((r) => r.question)).toEqual(['Chi ha vinto?', 'Dove?']);
    // A restart with retention 0 deletes everything and records nothing more.
    const off = createGapLog(state, { retentionDays: 0, now: () => now });
    off.record(gap);
    expect(state.gapsSince('1970-01-01T00:00:00.000Z')).toEqual([]);
    state.close();
  });

  it('a failing store loses the record but never throws to the caller', () => {
    const state = new StateDb(':memory:');
    const errors: string[] = [];
    const log = createGapLog(state, { retentionDays: 30, onError: (e) => errors.push(e.message) });
    state.close();
    expect(() => log.record({ question: 'q', lang: 'en', kind: 'not-covered', channelId: null })).not.toThrow();
    expect(errors).toHaveLength(1);
  });
});
