import type { AnswerMode, SourceFreshness, StatusNote, StatusSnapshot } from '../discord/ports.js';
import type { LiveIndex } from '../index/live-index.js';
import { bridgeNote } from '../index/manifest.js';
import { findStaleness } from '../index/staleness.js';
import type { SourceStateRow } from '../store/source-state.js';
import type { StateDb } from '../store/state-db.js';

export interface StatusSources {
  live: LiveIndex;
  state: Pick<StateDb, 'lastRuns' | 'voteCounts'> & { sources: Pick<StateDb['sources'], 'listSources'> };
  /** The ids of the sources configured now (the sources file is read per call); null: show every source state.db knows. */
  configuredSourceIds?: () => readonly string[] | null;
  startedAt: number;
  answerMode: AnswerMode;
  translator: StatusSnapshot['translator'];
  /** The model the configuration resolves to now (to say when a full rebuild would switch). */
  configuredModel: string | null;
  /** STALE_AFTER in ms. */
  staleAfterMs: number;
  /** The clock (ms since epoch); tests inject one. */
  now?: () => number;
}

/** What /status shows, read fresh from the live index and the state database. */
export function readStatus(sources: StatusSources): StatusSnapshot {
  const lease = sources.live.acquire();
  const manifest = lease?.generation.manifest ?? null;
  lease?.release();
  const runs = sources.state.lastRuns();
  const configured = sources.configuredSourceIds?.() ?? null;
  const sourceRows = configuredRows(sources.state.sources.listSources(), configured);
  const model = manifest?.model.id ?? null;
  const liveError = sources.live.status().error;
  const notes: StatusNote[] = [];
  const bridge = bridgeNote(manifest?.bridge ?? null);
  if (bridge !== null) notes.push(bridge);
  if (model !== null && sources.configuredModel !== null && sources.configuredModel !== model)
    notes.push({ code: 'would-switch', to: sources.configuredModel });
  if (liveError !== null) notes.push({ code: 'live-error', error: liveError });
  return {
    indexLoaded: manifest !== null,
    articles: manifest?.counts.articles ?? 0,
    passages: manifest?.counts.chunks ?? 0,
    model,
    notes,
    answerMode: sources.answerMode,
    translator: sources.translator,
    lastSuccessAt: runs.lastSuccess?.finishedAt ?? manifest?.builtAt ?? null,
    lastRun:
      runs.last === null
        ? null
        : {
            outcome: runs.last.outcome === 'success' ? 'success' : 'failed',
            finishedAt: runs.last.finishedAt ?? runs.last.startedAt,
            error: runs.last.error,
          },
    uptimeMs: Date.now() - sources.startedAt,
    sources: configured === null ? sourceRows.map(toFreshness) : configured.map((id) => freshnessOf(id, sourceRows)),
    stale: findStaleness(runs, sourceRows, (sources.now ?? Date.now)(), sources.staleAfterMs),
    feedback: sources.state.voteCounts(),
  };
}

/** The rows of the configured sources, in the file's order; every row when the configuration is unknown. */
function configuredRows(rows: SourceStateRow[], configured: readonly string[] | null): SourceStateRow[] {
  if (configured === null) return rows;
  const byId = new Map(rows.map((row) => [row.sourceId, row]));
  return configured.flatMap((id) => byId.get(id) ?? []);
}

/** The freshness of source `id`: never pulled when state.db has no row for it yet. */
function freshnessOf(id: string, rows: SourceStateRow[]): SourceFreshness {
  const row = rows.find((r) => r.sourceId === id);
  if (row !== undefined) return toFreshness(row);
  return { id, lastSuccessAt: null, newestArticleDate: null, lastErrorAt: null, lastErrorCode: null };
}

function toFreshness(row: SourceStateRow): SourceFreshness {
  return {
    id: row.sourceId,
    lastSuccessAt: row.lastSuccessAt,
    newestArticleDate: row.newestArticleDate,
    lastErrorAt: row.lastErrorAt,
    lastErrorCode: row.lastErrorCode,
  };
}
