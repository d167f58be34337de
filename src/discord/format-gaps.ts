import { escapeMarkdown } from 'discord.js';
import type { GapGroup } from '../gaps/group-gaps.js';
import { t } from '../i18n/index.js';
import type { Lang } from '../text/lang.js';

const MAX_QUESTION_CHARS = 150;
const MAX_VARIANTS = 3;

const quote = (text: string) => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return escapeMarkdown(oneLine.length > MAX_QUESTION_CHARS ? `${oneLine.slice(0, MAX_QUESTION_CHARS - 1)}…` : oneLine);
};

/**
 * The /gaps reply: the first `limit` groups of near-duplicate unanswered questions (most frequent
 * first), each with its counts by kind, languages and up to three other wordings.
 */
export function formatGaps(groups: readonly GapGroup[], input: { days: number; limit: number; lang: Lang }): string {
  const { days, lang } = input;
  if (groups.length === 0) return t(lang, 'gaps.none', { days });
  const total = groups.reduce((n, g) => n + g.count, 0);
  const lines = [t(lang, 'gaps.title', { days, total, groups: groups.length })];
  const more = Math.max(0, groups.length - input.limit);
  for (const [i, g] of groups.slice(0, input.limit).entries()) {
    const details = [
      g.notCovered > 0 ? t(lang, 'gaps.not-covered', { n: g.notCovered }) : null,
      g.downVotes > 0 ? t(lang, 'gaps.down-votes', { n: g.downVotes }) : null,
      g.langs.join('/'),
    ].filter((d) => d !== null);
    lines.push(
      t(lang, 'gaps.line', { rank: i + 1, count: g.count, question: quote(g.question), details: details.join(' · ') }),
    );
    if (g.variants.length > 0) {
      const variants = g.variants.slice(0, MAX_VARIANTS).map((v) => `«${quote(v)}»`);
      lines.push(t(lang, 'gaps.variants', { variants: variants.join(', ') }));
    }
  }
  if (more > 0) lines.push(t(lang, 'gaps.more', { n: more }));
  return lines.join('\n');
}
