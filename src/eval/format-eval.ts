import { bridgeNote } from '../index/manifest.js';
import { wordBridgeNote } from '../index/word-report.js';
import type { AnswerScores } from './answer-metrics.js';
import type { ChannelScores } from './metrics.js';
import type { EvalReport, LangReport } from './run-eval.js';

const COLUMNS: (keyof ChannelScores)[] = [
  'recall@1',
  'recall@5',
  'recall@10',
  'mrr@10',
  'articleHit@1',
  'articleHit@5',
];

const row = (label: string, s: ChannelScores) =>
  `${label.padEnd(24)}${COLUMNS.map((c) => s[c].toFixed(3).padStart(13)).join('')}`;

/** One line of answer scores: gold in the answer, in its first 400 characters, refusals, mean length. */
export function formatAnswerScores(a: AnswerScores): string {
  return `answers (${a.questions}): contain gold ${a.containsGold.toFixed(3)}, in first 400 chars ${a.goldInFirst400.toFixed(3)}, no answer ${a.noAnswer.toFixed(3)}, mean ${a.meanChars} chars`;
}

/** The evaluation report as a readable table. */
export function formatEvalReport(report: EvalReport): string {
  const bridge = bridgeNote(report.bridge);
  const lines = [
    `model ${report.model}${bridge === null ? '' : ` (${wordBridgeNote('en', bridge)})`} · ${report.passages} passages (mean ${report.meanPassageTokens} tokens) · ${report.questions} questions per language · index ready in ${(report.buildMs / 1000).toFixed(1)} s`,
    `knobs ${JSON.stringify(report.knobs)}`,
    '',
    `${''.padEnd(24)}${COLUMNS.map((c) => c.padStart(13)).join('')}`,
  ];
  const section = (name: string, r: LangReport | undefined) => {
    if (r === undefined) return;
    lines.push(
      row(`${name} fused`, r.fused),
      row(`${name} dense only`, r.dense),
      row(`${name} lexical only`, r.lexical),
    );
    for (const [engine, scores] of Object.entries(r.byTranslator ?? {}))
      lines.push(row(`${name} fused, ${engine}${engine === r.translator ? ' *' : ''}`, scores));
    lines.push(
      `${name}: ${formatAnswerScores(r.answer)}`,
      `${name}: retrieval gate no-answer rate ${r.noAnswerRate.toFixed(3)}${r.extractiveHit === null ? '' : `; extractive sample holds a gold answer ${r.extractiveHit.toFixed(3)} (of ${r.extractiveSample})`}`,
      '',
    );
  };
  section('it', report.it);
  section('en', report.en);
  if (report.en?.translator !== undefined)
    lines.push(`* = the translator the product uses by default (${report.en.translator})`);
  if (report.offCoverage !== null)
    lines.push(
      `off-coverage no-answer rate ${report.offCoverage.noAnswerRate.toFixed(3)} (retrieval gate), refused by answerQuestion ${report.offCoverage.refused.toFixed(3)} (${Object.entries(
        report.offCoverage.byLang,
      )
        .map(([lang, c]) => `${lang} ${c.refused.toFixed(3)} of ${c.questions}`)
        .join(', ')})`,
    );
  lines.push(`retrieval latency p50 ${report.latencyMs.p50} ms, p95 ${report.latencyMs.p95} ms`);
  return lines.join('\n');
}
