import type { LatencySummary } from './stats.js';
import { formatNumber as num, formatTable } from './table.js';
import type { BenchResult, QueryResult, ScaleResult } from './types.js';

const STAGES = ['embed', 'hnsw', 'fts', 'fusion', 'grouping'];

/** The benchmark results as a readable report for a terminal (no colours). */
export function formatReport(r: BenchResult): string {
  const { indexing: ix, incremental: inc } = r;
  const lines = [
    `Archivista benchmark — ran: ${r.ran} (${num(r.totalMs / 1000)} s)`,
    `machine: ${r.machine.cpus} CPUs, ${num(r.machine.memGb, 1)} GB, node ${r.machine.node}, ${r.machine.platform}; load average ${num(r.machine.loadAvg[0], 2)} at start, ${num(r.machine.loadAvg[1], 2)} at end`,
    `model: ${ix.model}, EMBEDDING_BATCH_SIZE ${ix.batchSize} (${ix.modelWhy})`,
    '',
    `Indexing — real model, squad-it-dev corpus: ${ix.articles} articles, ${num(ix.passages)} passages with ${num(ix.sentences)} sentences; order: build, raw, build`,
    formatTable(
      ['', 'passages/s', 'seconds'],
      [
        ['raw embedPassages (same passages and sentences)', num(ix.rawPassagesPerSec, 1), num(ix.rawMs / 1000, 1)],
        [
          `full buildIndex() (mean of ${ix.buildRunsMs.map((ms) => num(ms / 1000, 1)).join(' s and ')} s)`,
          num(ix.buildPassagesPerSec, 1),
          num(ix.buildMs / 1000, 1),
        ],
      ],
    ),
    `  ratio build/raw: ${num(ix.ratio, 3)} by wall time, ${num(ix.cpuRatio, 3)} by CPU time (target ≥ 0.9; separate runs, skewed by other load)`,
    `  within the builds: ${num(ix.embedShareOfBuild * 100, 1)}% of the time inside embedPassages, ${num(ix.buildOverheadMs / 1000, 2)} s of the product's own work · peak memory ${num(ix.peakMemoryMb)} MB`,
    ix.bridged === null
      ? '  through translation (EMBED_VIA_TRANSLATION): not measured (APERTIUM_URL unset or APy not answering)'
      : `  through translation (EMBED_VIA_TRANSLATION): full build ${num(ix.bridged.buildMs / 1000, 1)} s, ${num(ix.bridged.passagesPerSec, 1)} passages/s (${ix.bridged.note ?? ''})`,
    '',
    ...formatQuery(r.query),
    '',
    'Scale — SYNTHETIC vectors (384-d, low-rank Gaussian) and SYNTHETIC text (Zipf pseudo-words); each size in its own process',
    formatTable(
      [
        'passages',
        'HNSW build s',
        'recall@10',
        'HNSW p50 ms',
        'p95 ms',
        'FTS build s',
        'FTS p50 ms',
        'p95 ms',
        'base MB',
        'HNSW MB',
        'peak MB',
      ],
      r.scale.map(formatScaleRow),
    ),
    ...r.scale.map(
      (s) =>
        `  ${num(s.passages)}: ef ${s.efSearch} (efSearch) → recall ${num(s.hnswRecallAt10, 3)}; ${s.efSweep.map((e) => `ef ${e.ef} → ${num(e.recallAt10, 3)} at p50 ${num(e.p50Ms, 2)} ms`).join('; ')}`,
    ),
    '',
    `Incremental reindex — ${num(inc.articles)} short articles (${num(inc.passages)} passages, synthetic vectors), 1 article changed and re-embedded with the real model`,
    `  initial full build ${num(inc.initialBuildMs / 1000, 1)} s · incremental ${num(inc.incrementalMs / 1000, 2)} s · ` +
      `re-embedded ${inc.passagesEmbedded} passage(s), the changed article has ${inc.changedArticleChunks} · ${inc.ok ? 'OK' : 'NOT OK: more than the changed article was re-embedded'}`,
    '',
    r.translation === null
      ? 'Translation — not measured (see notes)'
      : `Translation — Apertium APy at ${r.translation.url}, warm: it→en p50 ${num(r.translation.itToEn.p50Ms, 1)} / p95 ${num(r.translation.itToEn.p95Ms, 1)} ms, ` +
        `en→it p50 ${num(r.translation.enToIt.p50Ms, 1)} / p95 ${num(r.translation.enToIt.p95Ms, 1)} ms (${r.translation.itToEn.n + r.translation.enToIt.n} translations, ${r.translation.failures} failed)`,
  ];
  if (r.notes.length > 0) lines.push('', 'Notes', ...r.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}

function formatQuery(q: QueryResult): string[] {
  const cells = (s: LatencySummary | undefined) => [num(s?.p50Ms ?? null, 2), num(s?.p95Ms ?? null, 2)];
  const total = (x: { p50Ms: number; p95Ms: number; questions: number }) => ({
    n: x.questions,
    p50Ms: x.p50Ms,
    p95Ms: x.p95Ms,
  });
  return [
    `Query latency — warm model, ms; ${q.questions} Italian and ${q.english.questions} English questions`,
    formatTable(
      ['stage', 'it p50', 'it p95', 'en p50', 'en p95'],
      [
        ...STAGES.map((stage) => [stage, ...cells(q.stages[stage]), ...cells(q.english.stages[stage])]),
        ['retrieve() total', ...cells(total(q)), ...cells(total(q.english))],
        [
          `ask, extractive, end to end (${q.askQuestions} each)`,
          num(q.askP50Ms, 2),
          num(q.askP95Ms, 2),
          ...cells(q.askEnglish),
        ],
      ],
    ),
    `  extractive answers (the rest: not covered): ${num(q.askAnsweredShare * 100)}% of the Italian questions asked, ${num(q.askEnglishAnsweredShare * 100)}% of the English ones (no translator)`,
  ];
}

function formatScaleRow(s: ScaleResult): string[] {
  return [
    num(s.passages),
    num(s.hnswBuildMs / 1000, 1),
    num(s.hnswRecallAt10, 3),
    num(s.queryP50Ms, 2),
    num(s.queryP95Ms, 2),
    num(s.ftsBuildMs / 1000, 1),
    num(s.ftsP50Ms, 2),
    num(s.ftsP95Ms, 2),
    num(s.baselineMemoryMb),
    num(s.hnswMemoryMb),
    num(s.memoryMb),
  ];
}
