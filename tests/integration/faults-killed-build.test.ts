import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embedding/embedder.js';
import { loadEmbedder } from '../../src/embedding/load-embedder.js';
import { buildIndex } from '../../src/index/build-index.js';
import { dataLayout, readCurrent } from '../../src/index/layout.js';
import { LiveIndex } from '../../src/index/live-index.js';
import type { PausePoint } from '../../src/index/pause-for-test.js';
import { retrieve } from '../../src/retrieval/retrieve.js';
import { REAL_SPEC, SEED_FILE, SEED_ID, realBuildOptions } from '../helpers/build-setup.js';
import { killHard, runCliBuild, startCliBuild, waitForPause, waitUntil, type CliBuild } from '../helpers/fault-cli.js';
import { deriveCorpus, townName, writeFictionalArticles } from '../helpers/fault-corpus.js';
import {
  generationFolders,
  hasManifest,
  inspectFreshLive,
  readRuns,
  topArticle,
  type GenerationSnapshot,
} from '../helpers/fault-inspect.js';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const costQuestion = (n: number) => `Quanto è costato il cantiere di ${townName(n)}?`;
const articleId = (n: number) => `town-${String(n).padStart(3, '0')}.md`;

interface Scenario {
  title: string;
  /** Where the build stops to be killed; null: killed while embedding (no pause point). */
  pauseAt: PausePoint | null;
  edits: { add: number[]; modify: number[]; remove: number[] };
  /** Files the killed build had written in its new folder. */
  written: { vectors: boolean; manifest: boolean };
  /** Recover with the CLI too (else with buildIndex in-process). */
  recoverWithCli: boolean;
}

const SCENARIOS: Scenario[] = [
  {
    title: 'while embedding 16 new articles (SIGKILL right after "embedding 0/N passages" on stderr)',
    pauseAt: null,
    edits: { add: range(10, 26), modify: [], remove: [] },
    written: { vectors: false, manifest: false },
    recoverWithCli: true,
  },
  {
    title: 'at before-hnsw-write',
    pauseAt: 'before-hnsw-write',
    edits: { add: [10, 11, 12], modify: [1], remove: [2] },
    written: { vectors: false, manifest: false },
    recoverWithCli: false,
  },
  {
    title: 'at after-hnsw-write',
    pauseAt: 'after-hnsw-write',
    edits: { add: [10, 11, 12], modify: [1], remove: [2] },
    written: { vectors: true, manifest: false },
    recoverWithCli: false,
  },
  {
    title: 'at before-pointer-switch (the new generation is complete but was never made live)',
    pauseAt: 'before-pointer-switch',
    edits: { add: [10, 11, 12], modify: [1], remove: [2] },
    written: { vectors: true, manifest: true },
    recoverWithCli: false,
  },
];

describe('a build killed with SIGKILL (real CLI child process) leaves the live generation serving; the next build recovers', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'archivista-killed-'));
  const modelsDir = path.join(root, 'empty-models');
  const baseData = path.join(root, 'base-data');
  const corpusA = path.join(root, 'corpus-a');
  let embedder: Embedder;
  let previousId: string;
  let liveId: string;
  let snapshotA: GenerationSnapshot;

  beforeAll(async () => {
    mkdirSync(modelsDir);
    embedder = await loadEmbedder(REAL_SPEC);
    // Two complete generations (previous + live), as a data folder has after a couple of builds.
    cpSync(SEED_FILE, path.join(corpusA, SEED_ID));
    const first = await buildIndex(realBuildOptions(corpusA, baseData));
    writeFictionalArticles(corpusA, 0, 6);
    const second = await buildIndex(realBuildOptions(corpusA, baseData));
    expect([first.outcome, second.outcome], `${first.error ?? ''} ${second.error ?? ''}`).toEqual([
      'success',
      'success',
    ]);
    previousId = first.generationId ?? '';
    liveId = second.generationId ?? '';
    const live = inspectFreshLive(baseData);
    expect(live.generationId).toBe(liveId);
    snapshotA = live.snapshot ?? { id: '', articles: {} };
    expect(Object.keys(snapshotA.articles)).toHaveLength(7);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  for (const [i, scenario] of SCENARIOS.entries()) {
    it(`killed ${scenario.title}: old generation served, stale lock taken over, unfinished folder removed, run marked failed`, async () => {
      const dataDir = path.join(root, `data-${i}`);
      const corpusB = path.join(root, `corpus-b-${i}`);
      cpSync(baseData, dataDir, { recursive: true });
      deriveCorpus(corpusA, corpusB, scenario.edits);

      // A bot already serving, with a question in flight across the kill.
      const running = new LiveIndex(dataDir, { efSearch: 100 });
      const lease = running.acquire();
      if (lease === null) throw new Error('the base data folder serves nothing');
      const before = await retrieve({
        generation: lease.generation,
        embedder,
        question: costQuestion(0),
        language: 'it',
      });

      // Batch size 1 keeps embedding slow enough (about 12 passages/s) to be killed in the middle of it.
      const build = startCliBuild({
        corpusDir: corpusB,
        dataDir,
        modelsDir,
        ...(scenario.pauseAt === null ? { batchSize: 1 } : { pauseAt: scenario.pauseAt }),
      });
      try {
        await waitForKillPoint(build, dataDir, scenario.pauseAt);
        expect(build.child.exitCode, 'the build must still be running when it is killed').toBeNull();
      } finally {
        // Never leave a paused build behind, even when waiting failed.
        if (build.child.exitCode === null && build.child.signalCode === null) await killHard(build);
      }
      const ended = await build.exited;
      expect(ended.signal).toBe('SIGKILL');

      // The question in flight finishes on its generation, with the same passages.
      const after = await retrieve({
        generation: lease.generation,
        embedder,
        question: costQuestion(0),
        language: 'it',
      });
      expect(after.passages.map((p) => p.id)).toEqual(before.passages.map((p) => p.id));
      lease.release();
      expect(await topArticle(running, embedder, costQuestion(0))).toBe(articleId(0));
      expect(running.status()).toEqual({ generationId: liveId, error: null });

      // On disk: CURRENT unchanged, one unfinished folder at the stage the kill hit, a stale lock.
      const layout = dataLayout(dataDir);
      expect(readCurrent(layout)).toBe(liveId);
      const unfinished = generationFolders(dataDir).filter((id) => id !== liveId && id !== previousId);
      expect(unfinished).toHaveLength(1);
      const killedId = unfinished[0] ?? '';
      const killedFiles = readdirSync(path.join(layout.generationsDir, killedId));
      expect(killedFiles).toContain('index.db');
      expect(killedFiles.includes('vectors.hnsw')).toBe(scenario.written.vectors);
      expect(hasManifest(dataDir, killedId)).toBe(scenario.written.manifest);
      expect((JSON.parse(readFileSync(layout.lock, 'utf8')) as { pid: number }).pid).toBe(build.pid);
      expect(readRuns(dataDir).at(-1)).toMatchObject({ trigger: 'cli', outcome: 'running' });

      // A freshly started bot serves exactly the old generation.
      const fresh = inspectFreshLive(dataDir);
      expect(fresh).toEqual({ generationId: liveId, error: null, snapshot: snapshotA });
      const freshLive = new LiveIndex(dataDir, { efSearch: 100 });
      expect(await topArticle(freshLive, embedder, costQuestion(0))).toBe(articleId(0));
      freshLive.close();

      // The next build is not blocked by the dead holder's lock and serves the new corpus.
      const report = scenario.recoverWithCli
        ? (await runCliBuild({ corpusDir: corpusB, dataDir, modelsDir })).report
        : await buildIndex(realBuildOptions(corpusB, dataDir));
      expect(report?.outcome, report?.error ?? 'no report').toBe('success');
      expect(report?.articles).toMatchObject({
        added: scenario.edits.add.length,
        updated: scenario.edits.modify.length,
        removed: scenario.edits.remove.length,
      });
      const newId = report?.generationId ?? '';
      expect(newId).not.toBe(killedId);
      expect(readCurrent(layout)).toBe(newId);
      expect(existsSync(layout.lock)).toBe(false);
      // Kept: the new live generation and the one live before it (the fallback); the killed one is gone.
      expect(generationFolders(dataDir)).toEqual([liveId, newId]);

      const recovered = inspectFreshLive(dataDir);
      expect(recovered.generationId).toBe(newId);
      const expectedIds = [...new Set([...Object.keys(snapshotA.articles), ...scenario.edits.add.map(articleId)])]
        .filter((id) => !scenario.edits.remove.map(articleId).includes(id))
        .sort();
      expect(Object.keys(recovered.snapshot?.articles ?? {}).sort()).toEqual(expectedIds);
      for (const [id, chunks] of Object.entries(snapshotA.articles)) {
        if (expectedIds.includes(id) && !scenario.edits.modify.map(articleId).includes(id))
          expect(recovered.snapshot?.articles[id], id).toBe(chunks);
      }
      const added = scenario.edits.add[0] ?? 10;
      expect(await topArticle(running, embedder, costQuestion(added))).toBe(articleId(added));
      expect(running.status().generationId).toBe(newId);
      running.close();

      const runs = readRuns(dataDir);
      expect(runs.map((r) => r.outcome)).toEqual(['success', 'success', 'failed', 'success']);
      expect(runs[2]).toMatchObject({
        trigger: 'cli',
        error: expect.stringMatching(/killed or crashed/) as unknown,
        generationId: null,
      });
      expect(runs[2]?.finishedAt).not.toBeNull();
    }, 90_000);
  }
});

/** Waits until the child stands where it must be killed: its pause marker, or its first embedding progress line. */
async function waitForKillPoint(build: CliBuild, dataDir: string, pauseAt: PausePoint | null): Promise<void> {
  if (pauseAt !== null) return waitForPause(build, dataDir, pauseAt);
  const progress = () => /embedding (\d+)\/(\d+) passages/.exec(build.stderr());
  await waitUntil(build, () => progress() !== null, 'the first "embedding" progress line');
  const [, done, total] = progress() ?? [];
  expect(Number(done)).toBeLessThan(Number(total));
  // A moment into embedding, so some articles may already be in the new folder's database.
  await new Promise((resolve) => setTimeout(resolve, 250));
}
