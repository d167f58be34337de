import type { Lang } from '../text/lang.js';

/** One answered question of a conversation, as later follow-ups read it. */
export interface Turn {
  /** What the asker wrote. */
  question: string;
  /** The question as searched: completed from earlier turns, or rewritten by the LLM, or as written. */
  standalone: string;
  lang: Lang;
  /** Articles the answer cited (best first); they weigh more for the next follow-up. */
  articleIds: string[];
}

/** Where conversations are kept (state.db in production, memory in tests). */
export interface ConversationMemory {
  /** The conversation's kept turns, oldest first; empty for an id never seen (or whose turns expired). */
  recent(conversationId: string): Turn[];
  /** Adds a turn at the end of the conversation, dropping what the retention limits no longer keep. */
  append(conversationId: string, turn: Turn): void;
}

/** Conversations kept in memory only (evaluation runs, tests): the `maxTurns` most recent turns each. */
export class MemoryConversations implements ConversationMemory {
  readonly #turns = new Map<string, Turn[]>();

  constructor(readonly maxTurns = 20) {}

  recent(conversationId: string): Turn[] {
    return [...(this.#turns.get(conversationId) ?? [])];
  }

  append(conversationId: string, turn: Turn): void {
    const turns = [...(this.#turns.get(conversationId) ?? []), turn];
    this.#turns.set(conversationId, turns.slice(-this.maxTurns));
  }
}
