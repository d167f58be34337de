import { parseArgs } from 'node:util';
import { benchSources } from './bench/sources.js';
import { formatNumber, formatTable } from './bench/table.js';
import { runScript } from './run-script.js';

const USAGE =
  'usage: npm run bench:sources -- [--articles N] [--json]  (fetch + parse speed of feed, WordPress and sitemap sources on loopback)';

await runScript(USAGE, async () => {
  const { values } = parseArgs({
    options: { articles: { type: 'string', default: '500' }, json: { type: 'boolean', default: false } },
  });
  const n = Number(values.articles);
  if (!Number.isInteger(n) || n < 1)
    throw Object.assign(new TypeError(`--articles must be a positive whole number, got ${values.articles}`), {
      code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
    });
  const results = await benchSources(n, (line) => process.stderr.write(`bench:sources: ${line}\n`));
  const header = ['source', 'served as', 'articles', 'first pull ms', 'articles/s', 're-pull', 're-pull ms'];
  const rows = results.map((r) => [
    r.type,
    r.variant,
    String(r.articles),
    formatNumber(r.firstPullMs),
    formatNumber(r.articlesPerSecond),
    `${r.repull.outcome} (${r.repull.fetched} fetched, ${r.repull.unchanged} kept)`,
    formatNumber(r.repull.ms),
  ]);
  console.log(formatTable(header, rows));
  if (values.json) console.log(JSON.stringify(results));
  return 0;
});
