import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Turn } from '../../src/store/conversation-memory.js';
import { StateDb } from '../../src/store/state-db.js';

const turn = (question: string, articleIds: string[] = ['a-1']): Turn => ({
  question,
  standalone: `${question} (searched)`,
  lang: 'it',
  articleIds,
});

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'archivista-conv-'));
  file = path.join(dir, 'state.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('conversations in state.db', () => {
  it('keeps turns in order per conversation and never mixes two conversations', () => {
    const state = new StateDb(file);
    const store = state.conversations({ maxTurns: 10, maxDays: 30 });
    store.append('thread-a', turn('chi è Lavrov?', ['a-1', 'a-2']));
    store.append('thread-b', turn('che tempo fa a Roma?', ['b-1']));
    store.append('thread-a', turn('e quando?'));
    expect(store.recent('thread-a').map((t) => t.question)).toEqual(['chi è Lavrov?', 'e quando?']);
    expect(store.recent('thread-a')[0]).toEqual(turn('chi è Lavrov?', ['a-1', 'a-2']));
    expect(store.recent('thread-b').map((t) => t.question)).toEqual(['che tempo fa a Roma?']);
    expect(store.recent('never-seen')).toEqual([]);
    state.close();
  });

  it('survives a restart (a new StateDb on the same file)', () => {
    const first = new StateDb(file);
    first.conversations({ maxTurns: 10, maxDays: 30 }).append('t', turn('chi è Lavrov?'));
    first.close();
    const second = new StateDb(file);
    expect(
      second
        .conversations({ maxTurns: 10, maxDays: 30 })
        .recent('t')
        .map((t) => t.question),
    ).toEqual(['chi è Lavrov?']);
    second.close();
  });

  it('keeps only the most recent maxTurns turns of a conversation', () => {
    const state = new StateDb(file);
    const store = state.conversations({ maxTurns: 3, maxDays: 30 });
    for (let i = 1; i <= 5; i++) store.append('t', turn(`domanda ${i}`));
    store.append('other', turn('altra'));
    expect(store.recent('t').map((t) => t.question)).toEqual(['domanda 3', 'domanda 4', 'domanda 5']);
    // Older turns are deleted, not just hidden.
    expect(store.count()).toBe(4);
    state.close();
  });

  it('forgets turns older than maxDays, and deletes them on the next write', () => {
    const state = new StateDb(file);
    let now = new Date('2026-01-01T12:00:00Z');
    const store = state.conversations({ maxTurns: 10, maxDays: 2 }, () => now);
    store.append('old', turn('vecchia'));
    store.append('kept', turn('recente'));
    now = new Date('2026-01-03T11:00:00Z'); // 47 hours later
    store.append('kept', turn('nuova'));
    expect(store.recent('old').map((t) => t.question)).toEqual(['vecchia']);
    expect(store.recent('kept').map((t) => t.question)).toEqual(['recente', 'nuova']);
    now = new Date('2026-01-03T13:00:00Z'); // 49 hours later
    expect(store.recent('old')).toEqual([]);
    expect(store.recent('kept').map((t) => t.question)).toEqual(['nuova']);
    expect(store.count()).toBe(3);
    store.append('new', turn('ancora'));
    expect(store.count()).toBe(2);
    state.close();
  });
});
