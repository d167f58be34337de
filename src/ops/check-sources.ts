import { accessSync, constants } from 'node:fs';
import { ConfigError, DEFAULT_SOURCES_FILE, loadSources, type Config, type SourcesFile } from '../config.js';
import { Fetcher } from '../sources/http/fetcher.js';
import { describePullError, FetchError } from '../sources/http/fetch-error.js';
import type { RemoteSource } from '../sources/remote-pull.js';
import { readRobots } from '../sources/robots.js';
import { redactUrl, redactUrls } from '../util/redact-url.js';
import type { Findings } from './problem.js';

/** What reading the sources file found: the file (null: none configured) or a problem already reported. */
export type SourcesCheck = { file: SourcesFile | null; path: string } | null;

const KEEPS_ANSWERING = 'The bot keeps answering from the articles already indexed; pulls keep what this source gave.';

/**
 * Offline: when a sources file is configured (SOURCES_FILE, or `sources.json` at the project
 * root), it validates and its folders can be read. None of this stops the bot from answering
 * (the live index stays), so no problem is fatal. Returns the file for the online check, or
 * null when it does not validate.
 */
export function checkSourcesFile(findings: Findings, config: Pick<Config, 'SOURCES_FILE'>): SourcesCheck {
  const name = 'sources file';
  const path = config.SOURCES_FILE ?? DEFAULT_SOURCES_FILE;
  let file: SourcesFile | null;
  try {
    file = loadSources(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    findings.fail(name, {
      code: 'sources-invalid',
      key: 'SOURCES_FILE',
      message: `${error.message}\nFix the file (see sources.example.json); until then /reindex and scheduled pulls fail and the bot answers from the live index.`,
      fatal: false,
    });
    return null;
  }
  if (file === null) {
    findings.skip(name, `none (${path} does not exist): the corpus folder is the one source`);
    return { file: null, path };
  }
  findings.pass(name, `${path}: ${file.sources.length} source(s), valid`);
  file.sources.forEach((source, i) => {
    if (source.type !== 'folder') return;
    try {
      accessSync(source.path, constants.R_OK);
    } catch (error) {
      findings.fail(`source ${source.id}`, {
        code: 'source-folder-unreadable',
        key: `sources.${i}.path`,
        message: `Source ${source.id} (${path}, sources.${i}): the folder ${source.path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): create it or fix "path". Builds fail until then; the bot keeps answering from the live index.`,
        fatal: false,
      });
    }
  });
  return { file, path };
}

/**
 * Online: each remote source (any type: feed, WordPress, sitemap…) answers a GET of its URL
 * through the same polite fetcher builds use (its hosts, timeout, size limit and pace). An
 * unreachable source (`source-unreachable`) or a sitemap robots.txt keeps us out of
 * (`source-disallowed`) is reported with its error code and what to do, never as fatal.
 */
export async function checkSourcesReachable(findings: Findings, checked: SourcesCheck): Promise<void> {
  if (checked === null || checked.file === null) return;
  const { file, path } = checked;
  const remote = file.sources.flatMap((source, i) => (source.type === 'folder' ? [] : [{ source, i }]));
  if (remote.length === 0) return;
  const hosts = new Set(
    remote.flatMap(({ source }) => [new URL(source.url).host, ...source.hosts.map((h) => h.toLowerCase())]),
  );
  const fetcher = new Fetcher(file.fetch, hosts, { readValidators: () => null, saveValidators: () => undefined });
  const probes = remote.map(async ({ source, i }) => ({
    source,
    i,
    error: await probe(fetcher, source, file.fetch.userAgent),
  }));
  for (const { source, i, error } of await Promise.all(probes)) {
    const name = `source ${redactUrls(source.id)}`;
    if (error === null) {
      findings.pass(name, `${redactUrl(source.url)} answers`);
      continue;
    }
    const where = `Source ${redactUrls(source.id)} (${path}, sources.${i})`;
    const detail = `${error.code} (${redactUrls(error.message)})`;
    const disallowed = error.code === 'robots-disallowed';
    findings.fail(name, {
      code: disallowed ? 'source-disallowed' : 'source-unreachable',
      key: `sources.${i}.url`,
      message: disallowed
        ? `${where} may not be crawled: ${detail}. Ask the site to allow ${file.fetch.userAgent.split('/')[0] ?? 'the bot'}, or remove the source. ${KEEPS_ANSWERING}`
        : `${where} does not answer: ${detail}. Check its "url" and the site. ${KEEPS_ANSWERING}`,
      fatal: false,
    });
  }
}

/**
 * GETs the source's URL; null when it answered 200 (the body is read within the size limit, then
 * dropped). A sitemap is crawled only as robots.txt allows, so its probe reads robots.txt first,
 * as its pulls do, and does not fetch a URL robots.txt disallows.
 */
async function probe(
  fetcher: Fetcher,
  source: RemoteSource,
  userAgent: string,
): Promise<{ code: string; message: string } | null> {
  try {
    if (source.type === 'sitemap') {
      const robots = await readRobots(fetcher, source.url, userAgent);
      if (!robots.allows(source.url))
        throw new FetchError('robots-disallowed', `${source.url}: disallowed by robots.txt`);
    }
    await fetcher.get(source.url);
    return null;
  } catch (error) {
    return describePullError(error);
  }
}
