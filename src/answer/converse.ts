import { detectLanguage } from '../text/language.js';
import type { Answer } from './answer.js';
import type { AnswerInput } from './answer-question.js';
import { noAnswer } from './answer-question.js';
import type { ConversationMemory, Turn } from '../store/conversation-memory.js';
import { resolveFollowUp } from './follow-up.js';
import type { FollowUpRewriter } from './rewrite-follow-up.js';

/** What answering in a conversation needs besides answering one question. */
export interface ConverseDeps {
  answer(input: AnswerInput): Promise<Answer>;
  memory: ConversationMemory;
  /** The LLM rewrite of follow-ups; null: the offline completion only. */
  rewriter: FollowUpRewriter | null;
}

export interface ConversationInput extends AnswerInput {
  /** The conversation this question continues (a Discord thread, a terminal `--thread NAME`); null or absent: none. */
  conversationId?: string | null;
  /** The conversation's opening message when it has no turn yet (a thread's starter message, even one that did not ask the bot). */
  openingQuestion?: string | null;
}

/**
 * Answers `input.question` in its conversation: a follow-up lacking its own subject is searched
 * as completed from the earlier turns (rewritten by the LLM when there is one, else completed
 * offline, with the previous answer's articles as a prior); one lacking a subject with nothing
 * before it gets a `no-answer` with reason `needs-subject`. The turn is kept in the conversation
 * (not-covered ones too: their subject still frames the next question). Never throws for bad input.
 */
export async function answerInConversation(deps: ConverseDeps, input: ConversationInput): Promise<Answer> {
  const question = input.question.trim();
  const { conversationId = null, openingQuestion = null, ...rest } = input;
  if (question === '') return deps.answer(rest);
  const turns = conversationId === null ? [] : deps.memory.recent(conversationId);
  if (turns.length === 0 && openingQuestion !== null && openingQuestion.trim() !== '') {
    const opening = openingTurn(openingQuestion.trim(), input);
    turns.push(opening);
    if (conversationId !== null) deps.memory.append(conversationId, opening);
  }
  const language = input.language ?? detectLanguage(question, input.languageHint ?? turns.at(-1)?.lang ?? null);
  const offline = resolveFollowUp(question, turns);
  if (offline.kind === 'needs-subject') return noAnswer(language, { reason: 'needs-subject' });

  let query = offline.query;
  let via: 'offline' | 'llm' | null = offline.kind === 'completed' ? 'offline' : null;
  if (deps.rewriter !== null && turns.length > 0) {
    const rewritten = await deps.rewriter.rewrite({ question, language, turns });
    if (rewritten !== null) [query, via] = [rewritten, rewritten === question ? null : 'llm'];
  }
  const priorArticleIds = offline.kind === 'completed' ? offline.priorArticleIds : [];
  // The extractive answer reads the asker's words (what the follow-up asks); retrieval the completed text.
  const searched = via === 'llm' ? { question: query } : { question, searchText: query };
  const answer = await deps.answer({ ...rest, ...searched, language, priorArticleIds });
  const result: Answer = { ...answer, followUp: via === null ? null : { standalone: query, via } };
  if (conversationId !== null) rememberTurn(deps.memory, conversationId, question, result);
  return result;
}

/**
 * Adds the turn `question` → `answer` to conversation `conversationId` when it frames what follows
 * (answered, or not covered); a refusal for an empty, too long or subject-less question does not.
 */
export function rememberTurn(
  memory: ConversationMemory,
  conversationId: string,
  question: string,
  answer: Answer,
): void {
  if (answer.mode === 'no-answer' && answer.reason !== 'not-covered') return;
  memory.append(conversationId, turnFrom(question, answer));
}

/** The turn an answer makes: the searched text, the answer's language and its cited articles. */
export function turnFrom(question: string, answer: Answer): Turn {
  const articleIds = [...new Set(answer.citations.map((c) => c.articleId))];
  return { question, standalone: answer.followUp?.standalone ?? question, lang: answer.language, articleIds };
}

function openingTurn(text: string, input: AnswerInput): Turn {
  const lang = detectLanguage(text, input.languageHint ?? null);
  return { question: text, standalone: text, lang, articleIds: [] };
}
