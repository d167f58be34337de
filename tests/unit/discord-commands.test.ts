import { describe, expect, it } from 'vitest';
import { commands } from '../../src/discord/commands/index.js';
import { userErrors, UserFacingError } from '../../src/discord/errors.js';

const definitions = (maxQuestionChars = 1000) => commands.map((c) => c.define({ maxQuestionChars }));

describe('command list', () => {
  it('is ask, status, reindex, gaps, with Italian names and descriptions Discord accepts (≤ 100 chars, lower-case names)', () => {
    expect(definitions().map((data) => data.name)).toEqual(['ask', 'status', 'reindex', 'gaps']);
    for (const data of definitions()) {
      expect(data.name_localizations?.it).toMatch(/^[a-z]{1,32}$/);
      expect(data.description.length).toBeLessThanOrEqual(100);
      expect((data.description_localizations?.it ?? '').length).toBeLessThanOrEqual(100);
    }
  });

  it('only the moderator commands /reindex and /gaps are restricted: Manage Server by default, guild-only', () => {
    const [ask, status, reindex, gaps] = definitions();
    expect(ask?.default_member_permissions).toBeUndefined();
    expect(status?.default_member_permissions).toBeUndefined();
    expect(reindex).toMatchObject({ default_member_permissions: '32', dm_permission: false, contexts: [0] });
    expect(gaps).toMatchObject({ default_member_permissions: '32', dm_permission: false, contexts: [0] });
  });

  it('each command routes by the name it registers', () => {
    for (const c of commands) expect(c.define({ maxQuestionChars: 1000 }).name).toBe(c.name);
  });

  it("the /ask question's max_length is the configured MAX_QUESTION_CHARS", () => {
    const question = (max: number) => definitions(max)[0]?.options?.find((o) => o.name === 'question');
    expect(question(1000)).toMatchObject({ max_length: 1000 });
    expect(question(250)).toMatchObject({ max_length: 250 });
  });
});

describe('UserFacingError', () => {
  it('has a stable code, an English message for logs and a text per language', () => {
    const error = userErrors.rateLimited(1);
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.code).toBe('rate-limited');
    expect(error.message).toBe(
      'rate-limited: You have asked a lot of questions in a short time: please try again in 1 s.',
    );
    expect(error.textFor('it')).toBe('Hai fatto molte domande in poco tempo: riprova tra 1 s.');
  });

  it('rounds waits up: 1 ms is 1 s, 0 ms is still 1 s, 1,001 ms is 2 s', () => {
    expect(userErrors.rateLimited(0).textFor('en')).toContain('in 1 s');
    expect(userErrors.rateLimited(1001).textFor('en')).toContain('in 2 s');
  });
});
