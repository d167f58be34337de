import type { AnswerMode, StatusNote, StatusSnapshot } from '../discord/ports.js';
import type { LiveIndex } from '../index/live-index.js';
import { bridgeNote } from '../index/manifest.js';
import { findStaleness } from '../index/staleness.js';
import type { StateDb } from '../store/state-db.js';

export interface StatusSources {
  live: LiveIndex;
  state: StateDb;
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
    stale: findStaleness(runs, (sources.now ?? Date.now)(), sources.staleAfterMs),
    feedback: sources.state.voteCounts(),
  };
}
