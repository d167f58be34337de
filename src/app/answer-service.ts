import type pino from 'pino';
import { answerQuestion, type AnswerDeps } from '../answer/answer-question.js';
import { MemoryConversations, type ConversationMemory } from '../store/conversation-memory.js';
import { answerInConversation, rememberTurn, type ConversationInput } from '../answer/converse.js';
import { createLlmRewriter } from '../answer/rewrite-follow-up.js';
import type { Answer } from '../answer/answer.js';
import { createLlm, type Llm } from '../llm/client.js';
import type { Config } from '../config.js';
import { loadEmbedder } from '../embedding/load-embedder.js';
import { explainUnloadable, locateModel } from '../embedding/resolve-model.js';
import { LiveIndex } from '../index/live-index.js';
import { warmTimeGrammar } from '../time/index.js';
import { selectTranslator, wordTranslatorReason, type TranslatorChoice } from '../translate/select.js';
import { indexEngineFrom, knobOverridesFrom, modelSourcesFrom } from './compose.js';
import { indexTuning } from '../index/tuning.js';

/** The answering side of the product, built from configuration. */
export interface AnswerService {
  /** Answers a question, in its conversation when it names one (`conversationId`). */
  ask(input: ConversationInput): Promise<Answer>;
  conversations: {
    /** True when `conversationId` has turns kept. */
    has(conversationId: string): boolean;
    /** Starts conversation `conversationId` with an answer given outside it (a thread opened on that answer). */
    remember(conversationId: string, question: string, answer: Answer): void;
  };
  live: LiveIndex;
  llm: Llm | null;
  translation: TranslatorChoice;
  close(): void;
}

/** The LLM client when OPENAI_API_KEY is set, else null (extractive answers). */
export function createLlmFrom(config: Config, logger?: pino.Logger): Llm | null {
  if (config.OPENAI_API_KEY === null) return null;
  return createLlm({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    attemptTimeoutMs: config.LLM_ATTEMPT_TIMEOUT_MS,
    totalBudgetMs: config.LLM_TOTAL_BUDGET_MS,
    maxRetries: config.LLM_MAX_RETRIES,
    ...(logger === undefined ? {} : { logger }),
  });
}

/**
 * Opens the live index and builds everything answering needs. Loads no model until the first
 * question (the index says which model), but refuses a generation whose model is not on this
 * machine (unless `hubReachable`). Logs which translator serves and why. Conversations are kept
 * in `conversations` (state.db), else in memory.
 */
export async function createAnswerService(
  config: Config,
  logger?: pino.Logger,
  options: { hubReachable?: boolean; conversations?: ConversationMemory } = {},
): Promise<AnswerService> {
  const sources = modelSourcesFrom(config);
  const live = new LiveIndex(config.DATA_DIR, {
    efSearch: indexTuning(config.TUNING).efSearch,
    engine: indexEngineFrom(config),
    onSwap: (from, to) => logger?.info({ from, to }, 'index generation swapped in'),
    onError: (message) =>
      logger?.error({ err: message }, 'index generation not loadable; serving the last good one if any'),
    // An index whose model cannot be loaded here would fail every question: refuse it at load.
    accept: (generation) => explainUnloadable(generation.manifest.model, sources, options.hubReachable ?? false),
  });
  warmTimeGrammar();
  const llm = createLlmFrom(config, logger);
  const translation = await selectTranslator({
    mode: config.QUERY_TRANSLATION,
    apertiumUrl: config.APERTIUM_URL,
    apertiumTimeoutMs: config.APERTIUM_TIMEOUT_MS,
    llmComplete: llm === null ? null : (messages) => llm.complete(messages),
    ...(logger === undefined ? {} : { logger }),
  });
  logger?.info(
    { translator: translation.translator?.engine ?? 'none' },
    wordTranslatorReason('en', translation.reason),
  );
  const deps: AnswerDeps = {
    acquire: () => live.acquire(),
    embedderFor: (generation) =>
      loadEmbedder(locateModel(generation.manifest.model, sources), { batchSize: config.EMBEDDING_BATCH_SIZE }),
    llm,
    translator: translation.translator,
    knobs: knobOverridesFrom(config),
    maxQuestionChars: config.MAX_QUESTION_CHARS,
    translateQuotes: config.TRANSLATE_QUOTES,
    ...(logger === undefined ? {} : { logger }),
  };
  const memory = options.conversations ?? new MemoryConversations(config.CONVERSATION_MAX_TURNS);
  const converse = {
    answer: (input: Parameters<typeof answerQuestion>[1]) => answerQuestion(deps, input),
    memory,
    rewriter:
      llm === null
        ? null
        : createLlmRewriter(llm, {
            timeoutMs: config.FOLLOW_UP_REWRITE_TIMEOUT_MS,
            ...(logger === undefined ? {} : { logger }),
          }),
  };
  return {
    ask: (input) => answerInConversation(converse, input),
    conversations: {
      has: (conversationId) => memory.recent(conversationId).length > 0,
      remember: (conversationId, question, answer) => rememberTurn(memory, conversationId, question, answer),
    },
    live,
    llm,
    translation,
    close: () => live.close(),
  };
}
