import { describe, expect, it } from 'vitest';
import { parseLastJsonLine } from '../../scripts/bench/child.js';
import { selectEvalSubset, type Dataset } from '../../src/eval/dataset.js';
import { makeShortArticles } from '../../scripts/bench/incremental.js';
import { parseBenchArgs } from '../../scripts/bench/options.js';
import { estimateMinutes } from '../../scripts/bench/scale.js';
import { formatNumber, formatTable } from '../../scripts/bench/table.js';
import type { ScaleResult } from '../../scripts/bench/types.js';

describe('parseBenchArgs', () => {
  it('defaults to the default preset, no JSON, a temp folder', () => {
    expect(parseBenchArgs([])).toEqual({ mode: 'default', json: false, dataDir: null, scaleOne: null });
  });

  it('reads --quick, --json, --data and --scale-one', () => {
    expect(parseBenchArgs(['--quick', '--json', '--data', '/tmp/x', '--scale-one', '2000'])).toEqual({
      mode: 'quick',
      json: true,
      dataDir: '/tmp/x',
      scaleOne: 2000,
    });
  });

  it('rejects --quick with --full, a bad --scale-one and unknown options, with a parse-args code', () => {
    for (const args of [['--quick', '--full'], ['--scale-one', '1.5'], ['--scale-one', '0'], ['--nope']]) {
      let code: unknown = null;
      try {
        parseBenchArgs(args);
      } catch (error) {
        code = (error as { code?: unknown }).code;
      }
      expect(String(code)).toMatch(/^ERR_PARSE_ARGS/);
    }
  });
});

describe('parseLastJsonLine', () => {
  it('parses the last non-empty line after progress output', () => {
    expect(parseLastJsonLine('progress\n{"a":1}\n\n')).toEqual({ a: 1 });
  });

  it('throws for empty output or a last line that is not JSON', () => {
    expect(() => parseLastJsonLine('\n \n')).toThrow(SyntaxError);
    expect(() => parseLastJsonLine('{"a":1}\ndone')).toThrow(SyntaxError);
  });
});

describe('formatTable', () => {
  it('left-aligns the first column, right-aligns the others and pads short rows', () => {
    const out = formatTable(['name', 'ms'], [['embed', '8.5'], ['hnsw']], '');
    expect(out.split('\n')).toEqual(['name    ms', '-----  ---', 'embed  8.5', 'hnsw']);
  });

  it('formats numbers with separators and a dash for missing ones', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(0.5, 2)).toBe('0.50');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatNumber(null)).toBe('–');
  });
});

describe('selectEvalSubset', () => {
  const question = (id: string, doc_id: string) => ({
    id,
    question_it: id,
    question_en: id,
    answers_it: [],
    doc_id,
    paragraph_start: 0,
    paragraph_end: 0,
  });
  const set: Dataset = {
    corpus: [
      { id: 'long', title: 'L', text: 'x'.repeat(30) },
      { id: 'short', title: 'S', text: 'x'.repeat(10) },
    ],
    questions: [question('q1', 'long'), question('q2', 'short'), question('q3', 'short')],
  };

  it('keeps the shortest articles and only their questions, capped', () => {
    const subset = selectEvalSubset(set, 1, 1);
    expect(subset.corpus.map((a) => a.id)).toEqual(['short']);
    expect(subset.questions.map((q) => q.id)).toEqual(['q2']);
  });

  it('keeps everything in file order when no limits are given', () => {
    expect(selectEvalSubset(set, null, null)).toEqual(set);
  });
});

describe('makeShortArticles', () => {
  it('makes one-passage Italian articles of 60–70 words with distinct ids, deterministically', () => {
    const source = [
      'Questa è una frase di prova con parole sufficienti.',
      'Ecco una seconda frase, anche lei abbastanza lunga.',
    ];
    const articles = makeShortArticles(5, source, 1);
    expect(new Set(articles.map((a) => a.id)).size).toBe(5);
    for (const a of articles) {
      const words = a.text.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(60);
      expect(words).toBeLessThanOrEqual(70);
      expect(a.lang).toBe('it');
    }
    expect(makeShortArticles(5, source, 1)).toEqual(articles);
  });

  it('throws when the sources hold no usable sentence', () => {
    expect(() => makeShortArticles(1, ['Troppo corta.'], 1)).toThrow(/no sentences/);
  });
});

describe('estimateMinutes', () => {
  const measured = { passages: 100_000, hnswBuildMs: 60_000, ftsBuildMs: 6_000 } as ScaleResult;

  it('scales HNSW by n·log n and FTS linearly', () => {
    // 60 s × 10 × log(1e6)/log(1e5) = 720 s; FTS 60 s → 13 min.
    expect(estimateMinutes(measured, 1_000_000)).toBe(13);
  });

  it('is null without a measured size', () => {
    expect(estimateMinutes(undefined, 1_000_000)).toBeNull();
  });
});
