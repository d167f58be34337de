import { formatAnswerScores } from './format-eval.js';
import type { QuestionSetReport } from './run-questions.js';

const pct = (x: number | null) => (x === null ? '  n/a' : x.toFixed(3));

/** A question-set report as a readable table: per kind and language, then answer scores, then the failures. */
export function formatQuestionSetReport(report: QuestionSetReport): string {
  const lines = [
    `model ${report.model} · ${report.passages} passages · ${report.questions} questions · index ready in ${(report.buildMs / 1000).toFixed(1)} s, answered in ${(report.answerMs / 1000).toFixed(1)} s`,
    '',
    `${'kind'.padEnd(18)}${['n', 'pass', 'answered', 'expect', 'gold cited', 'gold first'].map((c) => c.padStart(11)).join('')}`,
  ];
  for (const [kind, byLang] of Object.entries(report.byKind))
    for (const [lang, s] of Object.entries(byLang))
      lines.push(
        `${`${kind} ${lang}`.padEnd(18)}${[String(s.questions), pct(s.pass), pct(s.answered), pct(s.expectHit), pct(s.goldCited), pct(s.goldFirst)].map((c) => c.padStart(11)).join('')}`,
      );
  lines.push('');
  for (const [lang, a] of Object.entries(report.answer)) lines.push(`${lang}: ${formatAnswerScores(a)}`);
  if (report.failures.length > 0) lines.push('', `not passed (${report.failures.length}):`);
  for (const f of report.failures)
    lines.push(
      `- [${f.kind} ${f.lang}] ${f.q} → ${f.mode}${f.reason === null ? '' : ` (${f.reason})`}${f.firstCited === null ? '' : ` [1] ${f.firstCited}`}: ${f.text.replace(/\s+/g, ' ').slice(0, 160)}`,
    );
  return lines.join('\n');
}
