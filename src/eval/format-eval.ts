import { describeBridge } from '../index/manifest.js';
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

/** The evaluation report as a readable table. */
export function formatEvalReport(report: EvalReport): string {
  const lines = [
    `model ${report.model}${report.bridge === null ? '' : ` (${describeBridge(report.bridge) ?? ''})`} · ${report.passages} passages (mean ${report.meanPassageTokens} tokens) · ${report.questions} questions per language · index ready in ${(report.buildMs / 1000).toFixed(1)} s`,
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
      `${name}: extractive answer holds a gold answer ${r.extractiveHit === null ? 'n/a' : r.extractiveHit.toFixed(3)} (of ${r.extractiveSample}); no-answer rate ${r.noAnswerRate.toFixed(3)}`,
      '',
    );
  };
  section('it', report.it);
  section('en', report.en);
  if (report.en?.translator !== undefined)
    lines.push(`* = the translator the product uses by default (${report.en.translator})`);
  if (report.offCoverage !== null)
    lines.push(
      `off-coverage no-answer rate ${report.offCoverage.noAnswerRate.toFixed(3)} (${report.offCoverage.questions} questions)`,
    );
  lines.push(`retrieval latency p50 ${report.latencyMs.p50} ms, p95 ${report.latencyMs.p95} ms`);
  return lines.join('\n');
}
