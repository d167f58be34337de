import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import type { PassageTranslator } from '../../src/index/build-options.js';
import { GENERATION_FILES, dataLayout, generationDir, readCurrent } from '../../src/index/layout.js';
import { LiveIndex } from '../../src/index/live-index.js';
import type { Generation } from '../../src/index/searchable-index.js';
import { readManifest } from '../../src/index/manifest.js';
import { GATE_DEPTH } from '../../src/retrieval/gate.js';
import { GATE_FIT_FILE, gateFitKey } from '../../src/retrieval/knobs.js';
import { retrieve } from '../../src/retrieval/retrieve.js';
import type { Lang } from '../../src/text/lang.js';
import { REAL_SPEC, realBuildOptions } from '../helpers/build-setup.js';
import { createFakeEmbedder, FAKE_DIMS } from '../helpers/fake-embedder.js';

/** A translator that marks what it translated, can be switched off and fails on texts containing `failOn`. */
function fakeTranslator(
  engine = 'fake-mt',
): PassageTranslator & { up: boolean; failOn: string | null; seen: string[] } {
  const t = {
    engine,
    up: true,
    failOn: null as string | null,
    seen: [] as string[],
    translate(text: string, from: Lang, to: Lang) {
      t.seen.push(text);
      if (!t.up || (t.failOn !== null && text.includes(t.failOn))) return Promise.resolve(null);
      return Promise.resolve(`[${from}>${to}] ${text}`);
    },
    available: () => Promise.resolve(t.up),
  };
  return t;
}

const ARTICLES = [
  {
    id: 'it-1',
    title: 'Il ponte sul fiume',
    text: 'Il consiglio comunale ha approvato il nuovo ponte sul fiume. I lavori inizieranno in primavera e dureranno due anni.',
    lang: 'it',
  },
  {
    id: 'it-2',
    title: 'La biblioteca riapre',
    text: 'La biblioteca civica riapre dopo il restauro. Il sindaco ha inaugurato la sala di lettura con gli studenti.',
    lang: 'it',
  },
  {
    id: 'en-1',
    title: 'Harbour works',
    text: 'The harbour authority approved the dredging plan. Work starts next month and will last a year.',
    lang: 'en',
  },
];

describe('embedding through a translation (EMBED_VIA_TRANSLATION) with an English-only model', () => {
  let root: string;
  let corpusDir: string;
  let dataDir: string;
  let embedded: string[];
  const options = (translator: PassageTranslator | null, full = false) =>
    realBuildOptions(corpusDir, dataDir, {
      full,
      passageTranslator: translator,
      models: {
        resolve: () => Promise.resolve({ spec: { ...REAL_SPEC, dims: FAKE_DIMS }, source: { code: 'hub' } }),
        locate: (spec) => ({ ...spec, localDir: null }),
        load: (spec) => {
          const fake = createFakeEmbedder();
          return Promise.resolve({
            ...fake,
            spec,
            embedPassages: (texts: string[]) => {
              embedded.push(...texts);
              return fake.embedPassages(texts);
            },
          });
        },
      },
    });
  const writeCorpus = (articles: typeof ARTICLES) =>
    writeFileSync(path.join(corpusDir, 'news.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  const liveManifest = () =>
    readManifest(
      path.join(generationDir(dataLayout(dataDir), readCurrent(dataLayout(dataDir)) ?? ''), GENERATION_FILES.manifest),
    );

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'archivista-bridge-'));
    corpusDir = path.join(root, 'corpus');
    dataDir = path.join(root, 'data');
    mkdirSync(corpusDir);
    writeCorpus(ARTICLES);
    embedded = [];
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('a full build embeds the Italian passages through their English translation, the English one as written, and records it', async () => {
    const translator = fakeTranslator();
    const report = await buildIndex(options(translator));
    expect(report.outcome).toBe('success');
    expect(report.bridgeNote).toEqual({ code: 'bridged', engine: 'fake-mt', language: 'en', untranslated: 0 });
    expect(liveManifest().bridge).toEqual({ language: 'en', engine: 'fake-mt' });
    expect(embedded.filter((t) => t.startsWith('[it>en] '))).toHaveLength(2);
    // The passage (after its title), then its sentence alone.
    expect(embedded.filter((t) => t.includes('harbour authority'))).toEqual([
      expect.stringMatching(/^Harbour works\nThe harbour/),
      'The harbour authority approved the dredging plan.',
    ]);
    expect(translator.seen.some((t) => t.includes('harbour'))).toBe(false);
  });

  it('a translator that does not answer leaves a full build embedding as written, and says so', async () => {
    const translator = fakeTranslator();
    translator.up = false;
    const report = await buildIndex(options(translator));
    expect(report.outcome).toBe('success');
    expect(report.bridgeNote).toEqual({ code: 'translator-down', engine: 'fake-mt', language: 'en' });
    expect(liveManifest().bridge).toBeNull();
    expect(embedded.some((t) => t.startsWith('['))).toBe(false);
  });

  it('a passage that cannot be translated is embedded as written and counted', async () => {
    const translator = fakeTranslator();
    translator.failOn = 'biblioteca';
    const report = await buildIndex(options(translator));
    expect(report.outcome).toBe('success');
    expect(report.bridgeNote).toEqual({ code: 'bridged', engine: 'fake-mt', language: 'en', untranslated: 1 });
    expect(embedded.filter((t) => t.startsWith('La biblioteca riapre\n'))).toHaveLength(1);
  });

  it('an incremental build keeps the bridge and translates only the changed article', async () => {
    const translator = fakeTranslator();
    expect((await buildIndex(options(translator))).outcome).toBe('success');
    translator.seen.length = 0;
    writeCorpus(ARTICLES.map((a) => (a.id === 'it-2' ? { ...a, text: `${a.text} Orari nuovi da lunedì.` } : a)));
    const report = await buildIndex(options(translator));
    expect(report).toMatchObject({ outcome: 'success', full: false, chunks: { embedded: 1 } });
    expect(translator.seen).toEqual([expect.stringContaining('Orari nuovi')]);
    expect(liveManifest().bridge).toEqual({ language: 'en', engine: 'fake-mt' });
  });

  it('an incremental build fails, leaving the live index, when the index needs the translator and it is down', async () => {
    const translator = fakeTranslator();
    expect((await buildIndex(options(translator))).outcome).toBe('success');
    const live = readCurrent(dataLayout(dataDir));
    translator.up = false;
    writeCorpus(ARTICLES.slice(0, 2));
    const report = await buildIndex(options(translator));
    expect(report.outcome).toBe('failed');
    expect(report.error).toMatch(/fake-mt does not answer/);
    expect(readCurrent(dataLayout(dataDir))).toBe(live);
  });

  it('turning it off, or a translator appearing, makes the next build full', async () => {
    expect((await buildIndex(options(fakeTranslator()))).outcome).toBe('success');
    const off = await buildIndex(options(null));
    expect(off).toMatchObject({
      outcome: 'success',
      full: true,
      fullReason: { code: 'bridge-unconfigured', engine: 'fake-mt' },
    });
    expect(liveManifest().bridge).toBeNull();
    const on = await buildIndex(options(fakeTranslator()));
    expect(on).toMatchObject({
      outcome: 'success',
      full: true,
      fullReason: { code: 'bridge-possible', engine: 'fake-mt' },
    });
    expect(liveManifest().bridge).toEqual({ language: 'en', engine: 'fake-mt' });
  });

  it('retrieval embeds the translated question and weighs the dense channel as bridged; without a translation it does not', async () => {
    expect((await buildIndex(options(fakeTranslator()))).outcome).toBe('success');
    const liveIndex = new LiveIndex(dataDir, { efSearch: 50 });
    const lease = liveIndex.acquire();
    try {
      expect(lease).not.toBeNull();
      if (lease === null) return;
      const queries: string[] = [];
      const fake = createFakeEmbedder();
      const embedder = {
        ...fake,
        spec: { ...REAL_SPEC, dims: FAKE_DIMS },
        embedQuery: (text: string) => (queries.push(text), fake.embedQuery(text)),
      };
      const question = 'Quando iniziano i lavori del ponte?';
      const bridged = await retrieve({
        generation: lease.generation,
        embedder,
        question,
        language: 'it',
        denseQuery: 'When do the bridge works start?',
      });
      const plain = await retrieve({ generation: lease.generation, embedder, question, language: 'it' });
      const english = await retrieve({
        generation: lease.generation,
        embedder,
        question: 'When does the harbour work start?',
        language: 'en',
      });
      expect(queries.slice(0, 3)).toEqual([
        'When do the bridge works start?',
        question,
        'When does the harbour work start?',
      ]);
      expect(bridged.knobs.denseWeight).toBe(0.5);
      expect(plain.knobs.denseWeight).toBe(0.05);
      expect(english.knobs.denseWeightCrossLingual).toBe(0.6);
      expect(bridged.groups[0]?.articleId).toBe('it-1');
      // Through the bridge the gate is the one fitted for bridged indexes (npm run fit-gate), without it the plain one.
      const fitted = JSON.parse(readFileSync(GATE_FIT_FILE, 'utf8')) as Record<
        string,
        { denseWeight: number; threshold: number; sentenceWeight?: number; sentenceSignal?: string }
      >;
      const bridgedFit = fitted[gateFitKey('all-MiniLM-L6-v2', true)];
      expect(bridgedFit).toBeDefined();
      expect(bridged.knobs).toMatchObject({
        gateLinear: true,
        gateDenseWeight: bridgedFit?.denseWeight,
        gateSentenceWeight: bridgedFit?.sentenceWeight ?? 0,
        gateSentenceSignal: bridgedFit?.sentenceSignal ?? 'best',
        minGateScore: bridgedFit?.threshold,
      });
      const plainFit = fitted[gateFitKey('all-MiniLM-L6-v2', false)];
      expect(plain.knobs.gateDenseWeight).toBe(plainFit?.denseWeight ?? 0);
      const offTopic = await retrieve({
        generation: lease.generation,
        embedder,
        question: 'Chi ha vinto il campionato di calcio?',
        language: 'it',
        denseQuery: 'Who won the football championship?',
      });
      expect(offTopic.noAnswer).toBe(true);
      expect((offTopic.gate?.coverage ?? 1) + 2 * (offTopic.gate?.similarity ?? 1)).toBeLessThan(1.28);
    } finally {
      lease?.release();
      liveIndex.close();
    }
  });

  it("stores every passage's sentences with their translated line and vector, scored against the question by retrieval; removed articles take theirs along", async () => {
    expect((await buildIndex(options(fakeTranslator()))).outcome).toBe('success');
    const open = async <T>(work: (generation: Generation) => Promise<T>): Promise<T> => {
      const liveIndex = new LiveIndex(dataDir, { efSearch: 50 });
      const lease = liveIndex.acquire();
      try {
        if (lease === null) throw new Error('no live index');
        return await work(lease.generation);
      } finally {
        lease?.release();
        liveIndex.close();
      }
    };
    const fake = createFakeEmbedder();
    const embedder = { ...fake, spec: { ...REAL_SPEC, dims: FAKE_DIMS } };
    const query = await fake.embedQuery('When do the bridge works start?');
    const { passages, matches, result } = await open(async (generation) => {
      const all = await generation.listPassages();
      return {
        passages: all,
        matches: await generation.sentences(
          query,
          all.map((p) => p.id),
        ),
        result: await retrieve({
          generation,
          embedder,
          question: 'Quando iniziano i lavori del ponte?',
          language: 'it',
          denseQuery: 'When do the bridge works start?',
        }),
      };
    });
    const ponte = passages.find((p) => p.articleId === 'it-1');
    const harbour = passages.find((p) => p.articleId === 'en-1');
    expect(
      matches
        .filter((m) => m.passageId === ponte?.id)
        .map(({ start, end, translation }) => ({ start, end, translation })),
    ).toEqual([
      { start: 0, end: 60, translation: 'Il consiglio comunale ha approvato il nuovo ponte sul fiume.' },
      { start: 61, end: 116, translation: 'I lavori inizieranno in primavera e dureranno due anni.' },
    ]);
    expect(ponte?.text.slice(0, 60)).toBe('Il consiglio comunale ha approvato il nuovo ponte sul fiume.');
    // An English passage is embedded as written: no translation stored.
    expect(matches.filter((m) => m.passageId === harbour?.id).map((m) => m.translation)).toEqual([null, null]);
    // The score is the cosine of the stored vector (the fake embedder's vector of the embedded text, stored as signed bytes).
    const [lavori] = await fake.embedPassages(['I lavori inizieranno in primavera e dureranno due anni.']);
    const expected = Array.from(lavori ?? []).reduce((sum, x, i) => sum + x * (query[i] ?? 0), 0);
    expect(matches.find((m) => m.passageId === ponte?.id && m.start === 61)?.score).toBeCloseTo(expected, 2);
    expect(result.embeddedQuestion).toEqual({ text: 'When do the bridge works start?', lang: 'en' });
    expect(result.sentences?.translatedTo).toBe('en');
    const grouped = new Set(result.groups.flatMap((g) => g.passages.map((p) => p.id)));
    expect(grouped.size).toBeGreaterThan(0);
    for (const id of grouped) expect(result.sentences?.matches.some((m) => m.passageId === id)).toBe(true);
    // The gate's sentence signal: the best cosine among the stored sentences of its top passages.
    const top = new Set(result.passages.slice(0, GATE_DEPTH).map((p) => p.id));
    expect(result.gate?.sentence).toBeCloseTo(
      Math.max(...matches.filter((m) => top.has(m.passageId)).map((m) => m.score)),
      5,
    );

    writeCorpus(ARTICLES.filter((a) => a.id !== 'it-1'));
    expect((await buildIndex(options(fakeTranslator()))).outcome).toBe('success');
    const after = await open((generation) =>
      generation.sentences(
        query,
        passages.map((p) => p.id),
      ),
    );
    expect(after.some((m) => m.passageId === ponte?.id)).toBe(false);
    expect(after.some((m) => m.passageId === harbour?.id)).toBe(true);
  });
});
