import { escapeMarkdown } from 'discord.js';
import type { Lang } from '../text/lang.js';
import { formatCount, formatDuration, formatTimestamp } from './format-units.js';
import type { StatusSnapshot } from './ports.js';

interface StatusLabels {
  title: string;
  noIndex: string;
  articles: string;
  passages: string;
  model: string;
  answerMode: string;
  translator: string;
  off: string;
  lastSuccess: string;
  never: string;
  lastRun: string;
  succeeded: string;
  failed: string;
  uptime: string;
  feedback: string;
}

const LABELS: Readonly<Record<Lang, StatusLabels>> = {
  it: {
    title: 'Stato di Archivista',
    noIndex: '⚠️ Nessun indice caricato: le domande non possono ancora avere risposta.',
    articles: 'Articoli',
    passages: 'Passaggi',
    model: 'Modello di embedding',
    answerMode: 'Modalità di risposta',
    translator: 'Traduttore',
    off: 'disattivato',
    lastSuccess: 'Ultima indicizzazione riuscita',
    never: 'mai',
    lastRun: 'Ultima reindicizzazione',
    succeeded: 'riuscita',
    failed: 'fallita',
    uptime: 'Attivo da',
    feedback: 'Feedback',
  },
  en: {
    title: 'Archivista status',
    noIndex: '⚠️ No index loaded: questions cannot be answered yet.',
    articles: 'Articles',
    passages: 'Passages',
    model: 'Embedding model',
    answerMode: 'Answer mode',
    translator: 'Translator',
    off: 'off',
    lastSuccess: 'Last successful build',
    never: 'never',
    lastRun: 'Last reindex',
    succeeded: 'succeeded',
    failed: 'failed',
    uptime: 'Uptime',
    feedback: 'Feedback',
  },
};

/** The /status reply for `snapshot`, labelled in `lang`; well under 2,000 characters for sane inputs. */
export function formatStatus(snapshot: StatusSnapshot, lang: Lang): string {
  const l = LABELS[lang];
  const lines = [`**${l.title}**`];
  if (!snapshot.indexLoaded) lines.push(l.noIndex);
  lines.push(
    `${l.articles}: ${formatCount(snapshot.articles, lang)} · ${l.passages}: ${formatCount(snapshot.passages, lang)}`,
  );
  const note = snapshot.modelNote === null ? '' : ` (${escapeMarkdown(snapshot.modelNote)})`;
  lines.push(`${l.model}: ${snapshot.model === null ? '—' : `\`${snapshot.model}\``}${note}`);
  lines.push(`${l.answerMode}: ${escapeMarkdown(snapshot.answerMode)}`);
  lines.push(`${l.translator}: ${snapshot.translator === null ? l.off : escapeMarkdown(snapshot.translator)}`);
  lines.push(
    `${l.lastSuccess}: ${snapshot.lastSuccessAt === null ? l.never : formatTimestamp(snapshot.lastSuccessAt)}`,
  );
  lines.push(`${l.lastRun}: ${formatLastRun(snapshot.lastRun, l)}`);
  lines.push(`${l.uptime}: ${formatDuration(snapshot.uptimeMs, lang)}`);
  lines.push(
    `${l.feedback}: 👍 ${formatCount(snapshot.feedback.up, lang)} · 👎 ${formatCount(snapshot.feedback.down, lang)}`,
  );
  return lines.join('\n');
}

function formatLastRun(run: StatusSnapshot['lastRun'], l: StatusLabels): string {
  if (run === null) return l.never;
  const when = formatTimestamp(run.finishedAt);
  if (run.outcome === 'success') return `${l.succeeded}, ${when}`;
  return `${l.failed}, ${when}${run.error === null ? '' : ` — ${escapeMarkdown(run.error.slice(0, 300))}`}`;
}
