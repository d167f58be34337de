import { escapeMarkdown } from 'discord.js';
import type { BuildProgress, BuildReport } from '../index/build-report.js';
import type { Lang } from '../text/lang.js';
import { formatCount, formatDuration, formatTimestamp } from './format-units.js';

const PHASES: Readonly<Record<Lang, Record<BuildProgress['phase'], string>>> = {
  it: {
    reading: 'lettura degli articoli',
    embedding: 'calcolo degli embedding',
    writing: 'scrittura dell’indice',
    switching: 'attivazione del nuovo indice',
    done: 'completata',
  },
  en: {
    reading: 'reading articles',
    embedding: 'embedding passages',
    writing: 'writing the index',
    switching: 'switching to the new index',
    done: 'done',
  },
};

const L = {
  it: {
    running: '⏳ Reindicizzazione in corso',
    started: '⏳ Reindicizzazione avviata…',
    handover: 'Continuo ad aggiornare in un messaggio nel canale.',
    already: (since: string, by: string) => `Una reindicizzazione è già in corso dalle ${since}, avviata da ${by}.`,
    ok: '✅ Reindicizzazione completata',
    failed: '❌ Reindicizzazione fallita',
    keepsServing: 'L’indice precedente resta in uso.',
    full: 'completa',
    incremental: 'incrementale',
    articles: 'Articoli',
    counts: ['visti', 'aggiunti', 'aggiornati', 'invariati', 'rimossi', 'saltati'],
    skipped: 'Saltati',
    more: (n: number) => `…e altri ${n}`,
    chunks: (total: string, embedded: string, removed: string) =>
      `Passaggi: ${total} in tutto · ${embedded} calcolati · ${removed} rimossi`,
    model: 'Modello',
    in: 'in',
  },
  en: {
    running: '⏳ Reindex running',
    started: '⏳ Reindex started…',
    handover: 'Updates continue in a message in this channel.',
    already: (since: string, by: string) => `A reindex is already running since ${since}, started by ${by}.`,
    ok: '✅ Reindex finished',
    failed: '❌ Reindex failed',
    keepsServing: 'The previous index keeps serving.',
    full: 'full',
    incremental: 'incremental',
    articles: 'Articles',
    counts: ['seen', 'added', 'updated', 'unchanged', 'removed', 'skipped'],
    skipped: 'Skipped',
    more: (n: number) => `…and ${n} more`,
    chunks: (total: string, embedded: string, removed: string) =>
      `Passages: ${total} total · ${embedded} embedded · ${removed} removed`,
    model: 'Model',
    in: 'in',
  },
} as const;

/** How many skipped sources a report lists before summarising the rest. */
export const SKIPPED_SHOWN = 5;

/** The first message of a reindex, before any progress arrives. */
export function formatBuildStarted(lang: Lang): string {
  return L[lang].started;
}

/** One progress line: phase, done/total with percentage, and time elapsed (ms). */
export function formatProgress(progress: BuildProgress, elapsedMs: number, lang: Lang): string {
  const share =
    progress.total > 0 ? ` (${Math.floor((100 * Math.min(progress.done, progress.total)) / progress.total)}%)` : '';
  const counts =
    progress.total > 0 ? `: ${formatCount(progress.done, lang)}/${formatCount(progress.total, lang)}${share}` : '';
  return `${L[lang].running} — ${PHASES[lang][progress.phase]}${counts} · ${formatDuration(elapsedMs, lang)}`;
}

/** Appended to the interaction reply when a long build continues in a channel message. */
export function formatHandover(lang: Lang): string {
  return L[lang].handover;
}

/** The refusal shown when a build is already running (`by` is shown as given, escaped). */
export function formatAlreadyRunning(running: { since: Date; by: string }, lang: Lang): string {
  return L[lang].already(
    `${formatTimestamp(running.since, 'T')} (${formatTimestamp(running.since, 'R')})`,
    escapeMarkdown(running.by),
  );
}

/**
 * The final message of a reindex: outcome, mode, duration, article counts, the first
 * SKIPPED_SHOWN skip reasons, passages and model; for a failed build, its error.
 */
export function formatBuildReport(report: BuildReport, lang: Lang): string {
  const l = L[lang];
  const mode = report.full
    ? `${l.full}${report.fullReason === null ? '' : `: ${escapeMarkdown(report.fullReason)}`}`
    : l.incremental;
  const heading = `${report.outcome === 'success' ? l.ok : l.failed} (${mode}) ${l.in} ${formatDuration(report.durationMs, lang)}`;
  const lines = [`**${heading}**`];
  if (report.outcome === 'failed') {
    lines.push(`\`\`\`\n${(report.error ?? '?').replace(/`/g, "'").slice(0, 1000)}\n\`\`\``, l.keepsServing);
  }
  const a = report.articles;
  const values = [a.seen, a.added, a.updated, a.unchanged, a.removed, a.skipped];
  lines.push(`${l.articles}: ${values.map((v, i) => `${l.counts[i] ?? ''} ${formatCount(v, lang)}`).join(' · ')}`);
  if (report.skipped.length > 0) {
    lines.push(`${l.skipped}:`);
    // A skip reason starts with its file (and record), so it is shown alone.
    for (const s of report.skipped.slice(0, SKIPPED_SHOWN)) lines.push(`- ${escapeMarkdown(s.reason)}`);
    if (report.skipped.length > SKIPPED_SHOWN) lines.push(l.more(report.skipped.length - SKIPPED_SHOWN));
  }
  const c = report.chunks;
  lines.push(l.chunks(formatCount(c.total, lang), formatCount(c.embedded, lang), formatCount(c.removed, lang)));
  const notes = [report.modelNote, report.bridgeNote].filter((n) => n !== null);
  lines.push(`${l.model}: \`${report.model}\`${notes.length === 0 ? '' : ` (${escapeMarkdown(notes.join('; '))})`}`);
  return lines.join('\n');
}
