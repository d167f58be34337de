import { describe, expect, it } from 'vitest';
import { formatAlreadyRunning, formatBuildReport, formatProgress } from '../../src/discord/format-build.js';
import { formatStatus } from '../../src/discord/format-status.js';
import { formatDuration } from '../../src/discord/format-units.js';
import { buildReport } from '../helpers/bot-harness.js';

describe('formatProgress', () => {
  it('phase, done/total with percentage and elapsed time, per language', () => {
    expect(formatProgress({ phase: 'embedding', done: 150, total: 600 }, 65_000, 'en')).toBe(
      '⏳ Reindex running — embedding passages: 150/600 (25%) · 1 min 5 s',
    );
    expect(formatProgress({ phase: 'reading', done: 0, total: 0 }, 500, 'it')).toBe(
      '⏳ Reindicizzazione in corso — lettura degli articoli · 500 ms',
    );
  });

  it('never shows more than 100% when done overshoots total', () => {
    expect(formatProgress({ phase: 'embedding', done: 12, total: 10 }, 0, 'en')).toContain('(100%)');
  });
});

describe('formatBuildReport', () => {
  it('a report without skipped sources has no "Skipped" section', () => {
    const text = formatBuildReport(
      buildReport({ skipped: [], articles: { seen: 1, added: 1, updated: 0, unchanged: 0, removed: 0, skipped: 0 } }),
      'en',
    );
    expect(text).not.toContain('Skipped');
    expect(text).toMatch(/^\*\*✅ Reindex finished \(incremental\) in 1\.2 s\*\*/);
  });

  it('a full build names its reason; a failed one shows the error in a code block', () => {
    expect(formatBuildReport(buildReport({ full: true, fullReason: { code: 'chunker-changed' } }), 'en')).toContain(
      '(full: chunker settings changed)',
    );
    expect(formatBuildReport(buildReport({ full: true, fullReason: { code: 'chunker-changed' } }), 'it')).toContain(
      '(completa: le impostazioni di divisione in passaggi sono cambiate)',
    );
    const failed = formatBuildReport(buildReport({ outcome: 'failed', error: 'bad `thing`' }), 'it');
    expect(failed).toContain("```\nbad 'thing'\n```");
    expect(failed).toContain('L’indice precedente resta in uso.');
  });
});

describe('formatAlreadyRunning', () => {
  it('names when (Discord timestamps) and who, with markdown in the name escaped', () => {
    const since = new Date('2024-06-01T08:00:00Z');
    expect(formatAlreadyRunning({ since, by: 'mod_x (123)' }, 'it')).toBe(
      'Una reindicizzazione è già in corso dalle <t:1717228800:T> (<t:1717228800:R>), avviata da mod\\_x (123).',
    );
  });
});

describe('formatStatus', () => {
  it('says when no index is loaded and when nothing ran yet', () => {
    const text = formatStatus(
      {
        indexLoaded: false,
        articles: 0,
        passages: 0,
        model: null,
        notes: [],
        answerMode: { mode: 'extractive' },
        translator: { engine: null, reason: { code: 'off' } },
        lastSuccessAt: null,
        lastRun: null,
        sources: [],
        stale: [],
        uptimeMs: 5000,
        feedback: { up: 0, down: 0 },
      },
      'en',
    );
    expect(text).toContain('No index loaded');
    expect(text).toContain('Embedding model: —');
    expect(text).toContain('Translator: off');
    expect(text).toContain('Last successful build: never');
    expect(text).toContain('Last reindex: never');
  });
});

describe('format units', () => {
  it('durations from milliseconds to days; negative counts as 0', () => {
    expect(formatDuration(-5, 'en')).toBe('0 ms');
    expect(formatDuration(12_345, 'it')).toBe('12,3 s');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000, 'en')).toBe('3 d 4 h');
  });
});
