import type { Answer } from '../answer/answer.js';
import type { GapLog } from '../gaps/gap-log.js';
import type { StaleItem } from '../index/staleness.js';
import type { BridgeNote, BuildProgress, BuildReport } from '../index/build-report.js';
import type { Lang } from '../text/lang.js';
import type { TranslatorReason } from '../translate/select.js';

/** A note beside the model in /status: how passages were embedded, a pending model switch, a load error. */
export type StatusNote = BridgeNote | { code: 'would-switch'; to: string } | { code: 'live-error'; error: string };

/** How fresh one article source is, as /status shows it to everyone. */
export interface SourceFreshness {
  id: string;
  /** ISO 8601 of the last pull that worked (fetched, or unchanged: 304), null when none did. */
  lastSuccessAt: string | null;
  /** The newest publication date among its articles (`YYYY-MM[-DD]`), null when none is dated. */
  newestArticleDate: string | null;
  /** The latest pull error's time and code (`http-500`, `timeout`…), null when it never failed. */
  lastErrorAt: string | null;
  lastErrorCode: string | null;
}

/** How answers are written: by the LLM `model`, or extractively. */
export type AnswerMode = { mode: 'llm'; model: string } | { mode: 'extractive' };

/** What the bot shows in /status; gathered by the composition root. */
export interface StatusSnapshot {
  indexLoaded: boolean;
  articles: number;
  passages: number;
  model: string | null;
  notes: StatusNote[];
  answerMode: AnswerMode;
  /** The query translator chosen at start (`engine` null: none) and why. */
  translator: { engine: string | null; reason: TranslatorReason };
  lastSuccessAt: string | null;
  lastRun: { outcome: 'success' | 'failed'; finishedAt: string; error: string | null } | null;
  /** Each configured article source's freshness, by id. */
  sources: SourceFreshness[];
  /** The build or the sources failing for longer than STALE_AFTER (shown to moderators). */
  stale: StaleItem[];
  uptimeMs: number;
  feedback: { up: number; down: number };
}

/** Runs the same build as `npm run index`, out of process; one at a time. */
export interface Reindexer {
  /** The build in progress, if any. */
  running(): { since: Date; by: string } | null;
  /** Starts a build; rejects with ReindexBusyError if one runs. Resolves with the report (also for failed builds). */
  start(options: { full: boolean; by: string; onProgress: (progress: BuildProgress) => void }): Promise<BuildReport>;
}

/** Stores 👍/👎 votes on answers (no user names). */
export interface FeedbackStore {
  recordVote(vote: { answerId: string; question: string; vote: 'up' | 'down' }): void;
  counts(): { up: number; down: number };
}

/** A question as the Discord layer asks it: in a conversation (a thread) or on its own. */
export interface AskInput {
  question: string;
  languageHint: Lang | null;
  /** The thread's conversation; null or absent outside threads. */
  conversationId?: string | null;
  /** The thread's opening message when the conversation has no turn yet (it may not have mentioned the bot). */
  openingQuestion?: string | null;
}

/** The conversations kept for threads. */
export interface ConversationPort {
  /** True when `conversationId` has turns kept (so its opening message need not be fetched). */
  has(conversationId: string): boolean;
  /** Starts `conversationId` with an answer given before its thread existed (the thread opened on that answer). */
  remember(conversationId: string, question: string, answer: Answer): void;
}

/** Everything the Discord layer needs from the rest of the product. */
export interface BotServices {
  ask(input: AskInput): Promise<Answer>;
  status(): Promise<StatusSnapshot>;
  reindexer: Reindexer;
  feedback: FeedbackStore;
  /** Questions the coverage did not answer, for /gaps. */
  gaps: GapLog;
  conversations: ConversationPort;
}
