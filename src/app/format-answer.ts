import type { Answer } from '../answer/answer.js';
import { describeSourceDates } from '../answer/source-date.js';
import { t } from '../i18n/index.js';

/**
 * An answer as terminal text: the answer, then numbered sources (title, date in the answer's language with its age and update, author, link). An
 * extractive answer already shows its quotes, so only an LLM answer's sources add theirs.
 */
export function formatAnswerForTerminal(answer: Answer): string {
  const lines = [answer.text];
  if (answer.citations.length > 0) {
    lines.push('', `${t(answer.language, 'answer.sources')}:`);
    for (const c of answer.citations) {
      // As on Discord: title — date (age) — author, then the link.
      const parts = [c.title, describeSourceDates(c, answer.language, answer.time?.today), c.author];
      const line = parts.filter((v) => v !== null && v !== '').join(' — ');
      lines.push(`[${c.n}] ${line}${c.url === null ? '' : ` <${c.url}>`}`);
      if (answer.mode !== 'llm') continue;
      lines.push(`    «${c.quote}»`);
      if (c.quoteTranslation)
        lines.push(`    (${t(answer.language, 'answer.machine-translation')}: ${c.quoteTranslation})`);
    }
  }
  const lang = answer.language;
  if (answer.followUp) {
    const via = t(lang, `terminal.ask.follow-up-via.${answer.followUp.via}`);
    lines.push('', t(lang, 'terminal.ask.follow-up', { via, standalone: answer.followUp.standalone }));
  }
  if (answer.translation !== null)
    lines.push(
      '',
      t(lang, 'terminal.ask.translated', { ...answer.translation, ms: Math.round(answer.translation.ms) }),
    );
  return lines.join('\n');
}
