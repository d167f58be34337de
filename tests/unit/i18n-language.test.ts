import { describe, expect, it } from 'vitest';
import { formatFallbackNote, formatNoAnswer } from '../../src/answer/messages.js';
import { formatAnswerForTerminal } from '../../src/app/format-answer.js';
import { formatBuildReport as formatTerminalBuildReport } from '../../src/app/format-build-report.js';
import { userErrors } from '../../src/discord/errors.js';
import {
  formatAlreadyRunning,
  formatBuildReport,
  formatBuildStarted,
  formatHandover,
  formatProgress,
} from '../../src/discord/format-build.js';
import { formatSetupReport } from '../../src/discord/diagnose.js';
import { formatStatus } from '../../src/discord/format-status.js';
import type { StatusNote, StatusSnapshot } from '../../src/discord/ports.js';
import type { ModelSource } from '../../src/embedding/resolve-model.js';
import { AREAS } from '../../src/i18n/index.js';
import type { BridgeNote, BuildProgress, FullReason } from '../../src/index/build-report.js';
import type { SourceReport } from '../../src/sources/source-report.js';
import { LANGS, type Lang } from '../../src/text/lang.js';
import type { TranslatorReason } from '../../src/translate/select.js';
import { buildReport, cannedAnswer } from '../helpers/bot-harness.js';
import { foreignWords } from '../helpers/foreign-words.js';

// One example of every code (a new code is a compile error here until it has one).
type OneOfEach<T extends { code: string }> = { [C in T['code']]: Extract<T, { code: C }> };

const URL = 'http://127.0.0.1:2737';
const FULL_REASONS: OneOfEach<FullReason> = {
  asked: { code: 'asked' },
  'no-live-index': { code: 'no-live-index' },
  'live-unreadable': { code: 'live-unreadable', error: 'ENOENT: no such file, open data/CURRENT' },
  'schema-changed': { code: 'schema-changed', from: 3, to: 4 },
  'model-config-changed': { code: 'model-config-changed', from: 'Xenova/all-MiniLM-L6-v2', to: 'intfloat/e5-small' },
  'engine-changed': { code: 'engine-changed', from: 'sqlite', to: 'postgres' },
  'chunker-changed': { code: 'chunker-changed' },
  'bridge-possible': { code: 'bridge-possible', engine: 'apertium' },
  'bridge-unconfigured': { code: 'bridge-unconfigured', engine: 'apertium' },
};
const MODEL_SOURCES: OneOfEach<ModelSource> = {
  'models-dir': { code: 'models-dir', dir: '../shared/models' },
  'hub-cache': { code: 'hub-cache', dir: '/home/bot/.cache/huggingface' },
  hub: { code: 'hub' },
  fallback: {
    code: 'fallback',
    fallbackFrom: 'Xenova/multilingual-e5-small',
    reason: 'hub-unreachable',
    detail: 'ENOTFOUND',
    dir: '../shared/models',
  },
};
const BRIDGE_NOTES: BridgeNote[] = [
  { code: 'bridged', engine: 'apertium', language: 'en', untranslated: 0 },
  { code: 'bridged', engine: 'apertium', language: 'en', untranslated: 3 },
  { code: 'translator-down', engine: 'apertium', language: 'en' },
];
const TRANSLATOR_REASONS: TranslatorReason[] = [
  ...Object.values({
    off: { code: 'off' },
    llm: { code: 'llm' },
    'llm-unconfigured': { code: 'llm-unconfigured' },
    apertium: { code: 'apertium', url: URL },
    'apertium-unset': { code: 'apertium-unset' },
    'apertium-down': { code: 'apertium-down', url: URL },
    'auto-llm': { code: 'auto-llm', url: URL },
    'auto-none': { code: 'auto-none', url: URL },
  } satisfies OneOfEach<TranslatorReason>),
  { code: 'auto-llm', url: null },
  { code: 'auto-none', url: null },
];
const STATUS_NOTES: StatusNote[] = [
  ...BRIDGE_NOTES,
  { code: 'would-switch', to: 'Xenova/multilingual-e5-small' },
  { code: 'live-error', error: 'generation 2026-12-01 cannot be read: manifest.json is malformed' },
];
const PHASES: BuildProgress['phase'][] = ['reading', 'embedding', 'writing', 'switching', 'done'];
const ERROR_ARGS: { [K in keyof typeof userErrors]: Parameters<(typeof userErrors)[K]> } = {
  emptyQuestion: [],
  questionTooLong: [1000],
  rateLimited: [12_000],
  busy: [],
  channelNotAllowed: [],
  guildOnly: [],
  notModerator: [],
  invalidOption: ['full'],
  unknownCommand: ['ping'],
};

function snapshot(overrides: Partial<StatusSnapshot>): StatusSnapshot {
  return {
    indexLoaded: true,
    articles: 24,
    passages: 1953,
    model: 'Xenova/all-MiniLM-L6-v2',
    notes: [],
    answerMode: { mode: 'extractive' },
    translator: { engine: 'apertium', reason: { code: 'apertium', url: URL } },
    lastSuccessAt: '2026-12-01T10:00:00.000Z',
    lastRun: { outcome: 'success', finishedAt: '2026-12-01T10:00:00.000Z', error: null },
    sources: [],
    stale: [],
    uptimeMs: 3_723_000,
    feedback: { up: 3, down: 1 },
    ...overrides,
  };
}

const SOURCES: StatusSnapshot['sources'] = ['2026-12-01T09:00:00.000Z', null].flatMap((lastSuccessAt) =>
  ['http-500', 'timeout', 'too-large', 'network', 'malformed-xml', 'not-a-feed', 'redirect-loop', 'odd-code', null].map(
    (lastErrorCode) => ({
      id: 'feed:https://news.example.org/feed',
      lastSuccessAt,
      newestArticleDate: lastSuccessAt === null ? null : '2025-07-14',
      lastErrorAt: lastErrorCode === null ? null : '2026-12-01T10:00:00.000Z',
      lastErrorCode,
    }),
  ),
);
const STALE: StatusSnapshot['stale'] = [
  { kind: 'build', since: '2026-11-30T02:00:00.000Z', error: 'disk full' },
  {
    kind: 'source',
    sourceId: 'wordpress:https://news.example.org',
    since: '2026-11-30T02:00:00.000Z',
    errorCode: 'not-wordpress',
    error: 'https://news.example.org/wp-json/wp/v2/posts: HTTP 404',
  },
];

/** Every /status reply worth reading: each note, translator reason, answer mode and last run. */
function statusTexts(lang: Lang): string[] {
  return [
    formatStatus(snapshot({ indexLoaded: false, model: null, lastSuccessAt: null, lastRun: null }), lang),
    formatStatus(snapshot({ notes: STATUS_NOTES, answerMode: { mode: 'llm', model: 'gpt-4o-mini' } }), lang),
    formatStatus(
      snapshot({ lastRun: { outcome: 'failed', finishedAt: '2026-12-01T10:00:00.000Z', error: 'disk full' } }),
      lang,
    ),
    formatStatus(
      snapshot({ lastRun: { outcome: 'failed', finishedAt: '2026-12-01T10:00:00.000Z', error: null } }),
      lang,
    ),
    ...TRANSLATOR_REASONS.map((reason) =>
      formatStatus(snapshot({ translator: { engine: reason.code === 'off' ? null : 'apertium', reason } }), lang),
    ),
    formatStatus(snapshot({ sources: SOURCES }), lang),
    formatSetupReport([], [], lang, STALE),
  ];
}

/** Every /reindex message: progress, refusals, and reports with each full reason, model and bridge note. */
function reindexTexts(lang: Lang): string[] {
  const since = new Date('2026-12-01T10:00:00Z');
  return [
    formatBuildStarted(lang),
    formatHandover(lang),
    formatAlreadyRunning({ since, by: 'moderatrice (123)' }, lang),
    ...PHASES.map((phase) => formatProgress({ phase, done: 5, total: 10 }, 65_000, lang)),
    formatBuildReport(buildReport({}), lang),
    formatBuildReport(buildReport({ outcome: 'failed', error: 'EACCES: permission denied, open corpus' }), lang),
    ...Object.values(FULL_REASONS).map((fullReason) =>
      formatBuildReport(buildReport({ full: true, fullReason }), lang),
    ),
    formatBuildReport(buildReport({ full: true }), lang),
    ...Object.values(MODEL_SOURCES).flatMap((source) => [
      formatBuildReport(buildReport({ modelNote: { code: 'source', source } }), lang),
      formatBuildReport(
        buildReport({ modelNote: { code: 'would-switch', current: 'Xenova/all-MiniLM-L6-v2', to: 'e5', source } }),
        lang,
      ),
    ]),
    ...BRIDGE_NOTES.map((bridgeNote) => formatBuildReport(buildReport({ bridgeNote }), lang)),
  ];
}

/** Every error a user can be shown, and the answer layer's refusals and notes. */
function errorTexts(lang: Lang): string[] {
  const errors = Object.entries(ERROR_ARGS).map(([name, args]) =>
    (userErrors[name as keyof typeof userErrors] as (...a: unknown[]) => { textFor(l: Lang): string })(...args).textFor(
      lang,
    ),
  );
  return [
    ...errors,
    formatNoAnswer(lang, { reason: 'not-covered' }),
    formatNoAnswer(lang, { reason: 'empty-question' }),
    formatNoAnswer(lang, { reason: 'no-index' }),
    formatNoAnswer(lang, { reason: 'question-too-long', maxChars: 1000 }),
    formatFallbackNote(lang, 'llm-unavailable'),
    formatFallbackNote(lang, 'llm-uncited'),
  ];
}

const SOURCE: SourceReport = {
  id: 'feed:https://news.example.org/feed.xml',
  type: 'feed',
  location: 'https://news.example.org/feed.xml',
  outcome: 'fetched',
  articles: 120,
  fetched: 12,
  unchanged: 108,
  failed: 1,
  lastErrorCode: null,
  lastError: null,
  newestArticleDate: '2026-11-30',
  durationMs: 2300,
};
const OUTCOMES: SourceReport['outcome'][] = ['fetched', 'unchanged', 'failed'];

/** The operator's terminal: build reports (`npm run index`) and the notes under an answer (`npm run ask`). */
function terminalTexts(lang: Lang): string[] {
  // What the asker and the articles wrote stays in their words: here, the reader's language.
  const words = lang === 'it' ? 'Chi ha approvato il bilancio comunale?' : 'Who approved the city budget?';
  const canned = cannedAnswer(words, lang);
  const answer = {
    ...canned,
    text: lang === 'it' ? 'Il bilancio è passato [1].' : 'The budget passed [1].',
    citations: canned.citations.map((c) => ({ ...c, title: words, quote: words, quoteTranslation: null })),
  };
  return [
    formatTerminalBuildReport(
      buildReport({
        ignoredFiles: 3,
        skipped: buildReport().skipped.concat(buildReport().skipped, buildReport().skipped),
      }),
      lang,
    ),
    formatTerminalBuildReport(
      buildReport({ outcome: 'failed', error: 'EACCES: permission denied, open corpus' }),
      lang,
    ),
    formatTerminalBuildReport(buildReport({ full: true }), lang),
    ...Object.values(FULL_REASONS).map((fullReason) =>
      formatTerminalBuildReport(buildReport({ full: true, fullReason }), lang),
    ),
    ...Object.values(MODEL_SOURCES).map((source) =>
      formatTerminalBuildReport(buildReport({ modelNote: { code: 'source', source } }), lang),
    ),
    ...BRIDGE_NOTES.map((bridgeNote) => formatTerminalBuildReport(buildReport({ bridgeNote }), lang)),
    ...OUTCOMES.map((outcome) =>
      formatTerminalBuildReport(
        buildReport({
          sources: [
            { ...SOURCE, outcome },
            { ...SOURCE, outcome, newestArticleDate: null, lastErrorCode: 'http-500', lastError: 'HTTP 500' },
          ],
        }),
        lang,
      ),
    ),
    formatAnswerForTerminal({
      ...answer,
      followUp: { standalone: words, via: 'offline' },
      translation: { engine: 'apertium', query: words, ms: 41.7 },
    }),
    formatAnswerForTerminal({ ...answer, followUp: { standalone: words, via: 'llm' } }),
  ];
}

/** Every text of the catalogue, its placeholders left as they are. */
function catalogueTexts(lang: Lang): string[] {
  return Object.values(AREAS).flatMap((area) => Object.values(area[lang] as Record<string, string>));
}

const READINGS = {
  status: statusTexts,
  reindex: reindexTexts,
  terminal: terminalTexts,
  errors: errorTexts,
  catalogue: catalogueTexts,
};

describe('no sentence in the other language', () => {
  for (const [name, texts] of Object.entries(READINGS)) {
    for (const lang of LANGS) {
      it(`${name}, for a reader of ${lang}`, () => {
        const found = texts(lang)
          .map((text) => ({ text, words: foreignWords(text, lang) }))
          .filter((f) => f.words.length > 0);
        expect(found).toEqual([]);
      });
    }
  }

  it('the detector can fail: it finds planted sentences, and each full reply read as the other language', () => {
    // The Italian /status before the catalogue: its model note was English.
    const before =
      'Modello di embedding: `m` (passages in other languages embedded through their apertium translation into en)';
    expect(foreignWords(before, 'it')).toEqual(['other', 'through', 'their', 'into']);
    expect(foreignWords('Modello: `x` (the index uses `y`)', 'it')).toEqual(['the']);
    expect(foreignWords('Translator: apertium (domande tradotte da Apertium)', 'en')).toEqual(['da']);
    expect(foreignWords('Model: `x` (`the index uses y`)', 'it')).toEqual([]);
    for (const lang of LANGS) {
      const other = lang === 'it' ? 'en' : 'it';
      for (const text of [...statusTexts(lang), ...reindexTexts(lang).slice(3 + PHASES.length), ...terminalTexts(lang)])
        expect(foreignWords(text, other).length, text).toBeGreaterThan(0);
    }
  });
});
