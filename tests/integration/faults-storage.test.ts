import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embedding/embedder.js';
import { loadEmbedder } from '../../src/embedding/load-embedder.js';
import { buildIndex } from '../../src/index/build-index.js';
import type { BuildReport } from '../../src/index/build-report.js';
import { dataLayout, readCurrent } from '../../src/index/layout.js';
import { LiveIndex } from '../../src/index/live-index.js';
import { REAL_SPEC, SEED_FILE, SEED_ID, realBuildOptions } from '../helpers/build-setup.js';
import { runCliBuild } from '../helpers/fault-cli.js';
import { fictionalArticle, townName, writeFictionalArticles } from '../helpers/fault-corpus.js';
import {
  fileSizeLimitPrefix,
  fillDisk,
  mountTmpfs,
  probeTmpfs,
  type Filler,
  type SmallDisk,
} from '../helpers/fault-disk.js';
import { generationFolders, inspectFreshLive, readRuns, topArticle } from '../helpers/fault-inspect.js';

const LAVROV = 'Che cosa ha proposto Lavrov?';
const DISK_FULL = /ENOSPC|no space left|disk is full|disk I\/O error|not written completely/i;
const mountProblem = probeTmpfs();

describe('storage faults during a build: a clean failure that says why, and the live generation keeps serving', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'archivista-storage-'));
  const corpusA = path.join(root, 'corpus-a');
  const corpusB = path.join(root, 'corpus-b');
  let embedder: Embedder;

  /** Builds `corpus` (default: corpus A, the seed + 2 fictional articles) into `dataDir`; returns the live generation's id. */
  const liveDataFolder = async (
    dataDir: string,
    corpus = corpusA,
    extra: Parameters<typeof realBuildOptions>[2] = {},
  ) => {
    const report = await buildIndex(realBuildOptions(corpus, dataDir, extra));
    expect(report.outcome, report.error ?? '').toBe('success');
    return report.generationId ?? '';
  };
  /** The live generation still answers: in a running LiveIndex and in a freshly started one. */
  const expectStillServing = async (running: LiveIndex, dataDir: string, liveId: string) => {
    expect(await topArticle(running, embedder, LAVROV)).toBe(SEED_ID);
    expect(running.status()).toEqual({ generationId: liveId, error: null });
    expect(readCurrent(dataLayout(dataDir))).toBe(liveId);
    expect(inspectFreshLive(dataDir)).toMatchObject({ generationId: liveId, error: null });
  };

  beforeAll(async () => {
    embedder = await loadEmbedder(REAL_SPEC);
    cpSync(SEED_FILE, path.join(corpusA, SEED_ID));
    writeFictionalArticles(corpusA, 0, 2);
    cpSync(corpusA, corpusB, { recursive: true });
    writeFictionalArticles(corpusB, 2, 3);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a regular file where the generations/ folder must be: the build fails naming it and the run is recorded as failed', async () => {
    const dataDir = path.join(root, 'file-for-folder');
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, 'generations'), 'not a folder');
    const report = await buildIndex(realBuildOptions(corpusA, dataDir));
    expect(report.outcome).toBe('failed');
    expect(report.error).toMatch(/cannot create the generations folder .*generations: EEXIST/);
    expect(readCurrent(dataLayout(dataDir))).toBeNull();
    expect(readRuns(dataDir)).toMatchObject([{ outcome: 'failed', error: report.error }]);
    expect(existsSync(dataLayout(dataDir).lock)).toBe(false);
  });

  it("a folder in the way of CURRENT's temporary file: the pointer switch fails, the live generation keeps serving, the run says why; the next build recovers", async () => {
    const dataDir = path.join(root, 'blocked-pointer');
    const liveId = await liveDataFolder(dataDir);
    const running = new LiveIndex(dataDir, { efSearch: 100 });
    expect(await topArticle(running, embedder, LAVROV)).toBe(SEED_ID);
    // writeFileAtomic writes CURRENT.tmp-<pid> first; an in-process build has this process's pid.
    const blocker = `${dataLayout(dataDir).current}.tmp-${process.pid}`;
    mkdirSync(blocker);
    const failed = await buildIndex(realBuildOptions(corpusB, dataDir));
    expect(failed.outcome).toBe('failed');
    expect(failed.error).toMatch(/EISDIR.*CURRENT\.tmp-/);
    await expectStillServing(running, dataDir, liveId);
    expect(readRuns(dataDir).at(-1)).toMatchObject({ outcome: 'failed', error: failed.error });
    // The failed build's complete but never switched generation is removed at once.
    expect(generationFolders(dataDir)).toEqual([liveId]);

    rmSync(blocker, { recursive: true });
    const next = await buildIndex(realBuildOptions(corpusB, dataDir));
    expect(next.outcome, next.error ?? '').toBe('success');
    expect(generationFolders(dataDir)).toEqual([liveId, next.generationId]);
    expect(await topArticle(running, embedder, `Quanto è costato il cantiere di ${townName(3)}?`)).toBe(
      fictionalArticle(3).name,
    );
    running.close();
  });

  it('state.db cannot be opened (a folder in its place): the build fails before touching the index and the report names state.db', async () => {
    const dataDir = path.join(root, 'state-folder');
    const liveId = await liveDataFolder(dataDir);
    const running = new LiveIndex(dataDir, { efSearch: 100 });
    const stateDb = dataLayout(dataDir).stateDb;
    rmSync(stateDb);
    mkdirSync(stateDb);
    const report = await buildIndex(realBuildOptions(corpusB, dataDir));
    expect(report.outcome).toBe('failed');
    expect(report.error).toBe(`cannot open the state database ${stateDb}: unable to open database file`);
    expect(generationFolders(dataDir)).toEqual([liveId]);
    expect(existsSync(dataLayout(dataDir).lock)).toBe(false);
    await expectStillServing(running, dataDir, liveId);
    running.close();
  });

  it('a file size limit (RLIMIT_FSIZE 188 KiB via prlimit or ulimit -f, no root needed) cuts vectors.hnsw short: the CLI build fails instead of making a truncated generation live', async () => {
    // Short passages (32 tokens) make vectors.hnsw (~200 KB) larger than index.db and its WAL
    // (~176 KB with the sentence vectors): with a 188 KiB limit only the HNSW file is cut, which
    // hnswlib does silently.
    const dataDir = path.join(root, 'fsize');
    const corpus = path.join(root, 'corpus-fsize');
    mkdirSync(corpus);
    writeFileSync(path.join(corpus, 'base.md'), fictionalArticle(50).text);
    const liveId = await liveDataFolder(dataDir, corpus, { chunkMaxTokens: 32 });
    const body = (n: number) => fictionalArticle(n).text.split('---\n')[2] ?? '';
    writeFileSync(path.join(corpus, 'long.txt'), [0, 1, 2, 3, 4, 5].map(body).join('\n\n'));
    const modelsDir = path.join(root, 'empty-models');
    mkdirSync(modelsDir, { recursive: true });
    const limited = await runCliBuild({
      corpusDir: corpus,
      dataDir,
      modelsDir,
      chunkMaxTokens: 32,
      prefix: fileSizeLimitPrefix(188),
    });
    expect(limited.report?.outcome, limited.stdout).toBe('failed');
    expect(limited.code).toBe(1);
    expect(limited.report?.error).toMatch(
      /vectors\.hnsw was not written completely \(disk full or file size limit\?\): .*vectors\.hnsw is cut short: 192512 bytes/,
    );
    expect(readCurrent(dataLayout(dataDir))).toBe(liveId);
    expect(inspectFreshLive(dataDir)).toMatchObject({ generationId: liveId, error: null });
    expect(readRuns(dataDir).at(-1)).toMatchObject({ trigger: 'cli', outcome: 'failed', error: limited.report?.error });

    const unlimited = await runCliBuild({ corpusDir: corpus, dataDir, modelsDir, chunkMaxTokens: 32 });
    expect(unlimited.report?.outcome, unlimited.stdout).toBe('success');
    expect(inspectFreshLive(dataDir)).toMatchObject({ generationId: unlimited.report?.generationId, error: null });
  });

  describe.skipIf(mountProblem !== null)(
    `a full disk (ENOSPC on a 2 MB tmpfs)${mountProblem === null ? '' : ` — skipped: ${mountProblem}`}`,
    () => {
      const mountDir = path.join(root, 'tmpfs');
      const dataDir = path.join(mountDir, 'data');
      let disk: SmallDisk | null = null;
      let running: LiveIndex;
      let liveId: string;
      beforeAll(async () => {
        disk = mountTmpfs(mountDir, '2m');
        liveId = await liveDataFolder(dataDir);
        running = new LiveIndex(dataDir, { efSearch: 100 });
        expect(await topArticle(running, embedder, LAVROV)).toBe(SEED_ID);
      });
      afterAll(() => {
        running.close();
        disk?.unmount();
      });

      const expectFailedCleanly = async (report: BuildReport) => {
        expect(report.outcome).toBe('failed');
        expect(report.error).toMatch(DISK_FULL);
        await expectStillServing(running, dataDir, liveId);
      };

      it('disk already full when the build starts: it fails naming the build lock it could not write, and leaves no lock or run behind', async () => {
        const filler = fillDisk(path.join(mountDir, 'filler'));
        let report: BuildReport;
        try {
          report = await buildIndex(realBuildOptions(corpusB, dataDir));
          await expectFailedCleanly(report);
        } finally {
          filler.remove();
        }
        expect(report.error).toMatch(/cannot create the build lock .*build\.lock: ENOSPC/);
        expect(existsSync(dataLayout(dataDir).lock)).toBe(false);
        expect(readRuns(dataDir).map((r) => r.outcome)).toEqual(['success']);
        expect(generationFolders(dataDir)).toEqual([liveId]);
      });

      it('disk fills up as the new generation is written (from the "writing" phase on): the build fails, removes its folder and records why', async () => {
        let filler: Filler | null = null;
        let report: BuildReport;
        try {
          report = await buildIndex(
            realBuildOptions(corpusB, dataDir, {
              onProgress: (p) => {
                if (p.phase === 'writing') filler ??= fillDisk(path.join(mountDir, 'filler'));
              },
            }),
          );
          expect(filler).not.toBeNull();
          await expectFailedCleanly(report);
          expect(generationFolders(dataDir)).toEqual([liveId]);
        } finally {
          (filler as Filler | null)?.remove();
        }
        expect(report.error).toMatch(/vectors\.hnsw was not written completely/);
        expect(readRuns(dataDir).at(-1)).toMatchObject({ outcome: 'failed', error: report.error });
      });

      it('disk nearly full (64 KB left) when the build starts: copying the live database fails with SQLITE_FULL, the run records why', async () => {
        const filler = fillDisk(path.join(mountDir, 'filler'));
        filler.leave(64 * 1024);
        let report: BuildReport;
        try {
          report = await buildIndex(realBuildOptions(corpusB, dataDir));
          await expectFailedCleanly(report);
          expect(generationFolders(dataDir)).toEqual([liveId]);
        } finally {
          filler.remove();
        }
        expect(report.error).toMatch(
          /copying the live generation's database to .*index\.db failed: database or disk is full/,
        );
        // Removing the failed build's folder gave back the room to record the run.
        expect(readRuns(dataDir).at(-1)).toMatchObject({ outcome: 'failed', error: report.error });
      });

      it("with space again, the next build succeeds, serves the new corpus, and no failed build's folder is left", async () => {
        const report = await buildIndex(realBuildOptions(corpusB, dataDir));
        expect(report.outcome, report.error ?? '').toBe('success');
        expect(generationFolders(dataDir)).toEqual([liveId, report.generationId]);
        expect(await topArticle(running, embedder, `Quanto è costato il cantiere di ${townName(3)}?`)).toBe(
          fictionalArticle(3).name,
        );
        expect(readRuns(dataDir).every((r) => r.outcome !== 'running')).toBe(true);
      });
    },
  );
});
