import type { SourceConfig, SourcesFile } from '../config.js';
import type { Article, SkippedSource } from '../corpus/article.js';
import type { SourceStateStore } from '../store/source-state.js';
import type { Lang } from '../text/lang.js';
import { readFolderSource } from './folder-source.js';
import { Fetcher } from './http/fetcher.js';
import {
  openPull,
  settlePull,
  type Pull,
  type PullContext,
  type PullSource,
  type RemoteSource,
} from './remote-pull.js';
import type { SourceReport } from './source-report.js';
import { REMOTE_ADAPTERS } from './adapters.js';

/** What reading every source found. */
export interface SourcesReadResult {
  articles: Article[];
  skipped: SkippedSource[];
  /** Files of folder sources with extensions no parser handles. */
  ignored: number;
  sources: SourceReport[];
  /** Wall time of reading and fetching, in ms (no embedding). */
  durationMs: number;
}

/** What reading the sources needs. */
export interface ReadSourcesOptions {
  store: SourceStateStore;
  maxFileBytes: number;
  detectLanguage: (text: string) => Lang;
}

/**
 * Reads every source in order and records each pull in `store` (outcome, error, newest date,
 * and the articles a remote source gave, so a 304 or a failed pull later loses nothing). An
 * article id already given by an earlier source is skipped with a reason. A remote source's
 * failure is reported in its SourceReport, never thrown; a folder that cannot be read throws
 * (see readFolderSource), leaving the live index as it is.
 */
export async function readSources(file: SourcesFile, options: ReadSourcesOptions): Promise<SourcesReadResult> {
  const started = Date.now();
  const fetcher = new Fetcher(file.fetch, allowedHosts(file.sources), options.store);
  const result: SourcesReadResult = { articles: [], skipped: [], ignored: 0, sources: [], durationMs: 0 };
  const firstSeen = new Map<string, string>();
  for (const source of file.sources) {
    const pullStarted = Date.now();
    const got =
      source.type === 'folder'
        ? await readFolder(source, options)
        : await readRemote(
            source,
            { fetcher, settings: file.fetch, detectLanguage: options.detectLanguage },
            options.store,
          );
    result.ignored += got.ignored;
    result.skipped.push(...got.skipped);
    for (const article of got.articles) {
      const first = firstSeen.get(article.id);
      if (first === undefined) {
        firstSeen.set(article.id, source.id);
        result.articles.push(article);
      } else {
        const reason = `duplicate id ${article.id} (first given by source ${first})`;
        result.skipped.push({ path: `${source.id}: ${article.id}`, reason: `${source.id}: ${reason}` });
      }
    }
    const report: SourceReport = {
      ...got.report,
      id: source.id,
      type: source.type,
      location: source.type === 'folder' ? source.path : source.url,
      articles: got.articles.length,
      newestArticleDate: newestDate(got.articles),
      durationMs: Date.now() - pullStarted,
    };
    options.store.recordPull({
      sourceId: report.id,
      type: report.type,
      location: report.location,
      outcome: report.outcome,
      errorCode: report.lastErrorCode,
      error: report.lastError,
      articles: report.articles,
      newestArticleDate: report.newestArticleDate,
      report,
    });
    result.sources.push(report);
  }
  result.durationMs = Date.now() - started;
  return result;
}

type Counts = Pick<SourceReport, 'outcome' | 'fetched' | 'unchanged' | 'failed' | 'lastErrorCode' | 'lastError'>;
interface SourceRead {
  articles: Article[];
  skipped: SkippedSource[];
  ignored: number;
  report: Counts;
}

async function readFolder(
  source: Extract<SourceConfig, { type: 'folder' }>,
  options: ReadSourcesOptions,
): Promise<SourceRead> {
  const corpus = await readFolderSource(source, options);
  const report: Counts = {
    outcome: 'fetched',
    fetched: corpus.articles.length,
    unchanged: 0,
    failed: corpus.skipped.length,
    lastErrorCode: null,
    lastError: null,
  };
  return { articles: corpus.articles, skipped: corpus.skipped, ignored: corpus.ignored, report };
}

async function readRemote(
  source: RemoteSource,
  context: Omit<PullContext, 'stored'>,
  store: SourceStateStore,
): Promise<SourceRead> {
  const stored = store.readArticles(source.id);
  const pull = await pullSafely(source, { ...context, stored });
  const settled = settlePull(pull, stored);
  if (pull.outcome === 'fetched') store.replaceArticles(source.id, settled.values());
  const report: Counts = {
    outcome: pull.outcome,
    fetched: pull.fetched,
    unchanged: pull.unchanged,
    failed: pull.failed,
    lastErrorCode: pull.error?.code ?? null,
    lastError: pull.error?.message ?? null,
  };
  const skipped = pull.problems.map((p) => ({ path: p.path, reason: `${source.id}: ${p.reason}` }));
  return { articles: [...settled.values()].map((s) => s.article), skipped, ignored: 0, report };
}

async function pullSafely(source: RemoteSource, context: PullContext): Promise<Pull> {
  const adapter = REMOTE_ADAPTERS[source.type] as PullSource<RemoteSource['type']>;
  const opened = await openPull(() => adapter(source, context));
  return 'failed' in opened ? opened.failed : opened.value;
}

/** Hosts (host:port) requests may go to: every remote source's own, plus the `hosts` it lists. */
function allowedHosts(sources: SourceConfig[]): Set<string> {
  const hosts = new Set<string>();
  for (const source of sources) {
    if (source.type === 'folder') continue;
    hosts.add(new URL(source.url).host);
    for (const host of source.hosts) hosts.add(host.toLowerCase());
  }
  return hosts;
}

function newestDate(articles: Article[]): string | null {
  let newest: string | null = null;
  for (const { date } of articles) if (date !== null && (newest === null || date > newest)) newest = date;
  return newest;
}
