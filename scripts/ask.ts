import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createAnswerService } from '../src/app/answer-service.js';
import { conversationRetentionFrom } from '../src/app/compose.js';
import { formatAnswerForTerminal } from '../src/app/format-answer.js';
import { createLogger } from '../src/app/logger.js';
import { autostartApertium } from '../src/app/apertium-autostart.js';
import { loadConfig } from '../src/config.js';
import { dataLayout } from '../src/index/layout.js';
import { StateDb } from '../src/store/state-db.js';
import { isLang } from '../src/text/lang.js';
import { isValidIsoDate } from '../src/time/index.js';
import { runScript } from './run-script.js';

const USAGE =
  'usage: npm run ask -- [--json] [-k N] [--lang it|en] [--data DIR] [--today YYYY-MM-DD] [--thread NAME] "question"';

await runScript(USAGE, async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      k: { type: 'string', short: 'k' },
      lang: { type: 'string' },
      data: { type: 'string' },
      today: { type: 'string' },
      thread: { type: 'string' },
    },
  });
  const question = positionals.join(' ');
  if (values.lang !== undefined && !isLang(values.lang)) throw new TypeError(`--lang must be it or en`);
  const k = values.k === undefined ? undefined : Number(values.k);
  if (k !== undefined && !(Number.isInteger(k) && k >= 1 && k <= 50))
    throw new TypeError('-k must be a whole number from 1 to 50');
  if (values.today !== undefined && !isValidIsoDate(values.today))
    throw new TypeError('--today must be a real date written YYYY-MM-DD');
  const thread = values.thread?.trim();
  if (thread === '') throw new TypeError('--thread needs a name');
  const config = loadConfig();
  if (values.data !== undefined) config.DATA_DIR = values.data;
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const apertium = await autostartApertium(config, 'answers', logger);
  // A conversation lives in state.db, so the next `--thread NAME` call continues it.
  mkdirSync(config.DATA_DIR, { recursive: true });
  const state = thread === undefined ? null : new StateDb(dataLayout(config.DATA_DIR).stateDb);
  try {
    const conversations = state?.conversations(conversationRetentionFrom(config));
    const service = await createAnswerService(
      apertium.config,
      logger,
      conversations === undefined ? {} : { conversations },
    );
    try {
      const answer = await service.ask({
        question,
        languageHint: isLang(values.lang) ? values.lang : null,
        conversationId: thread === undefined ? null : `cli:${thread}`,
        ...(k === undefined ? {} : { knobs: { k } }),
        ...(values.today === undefined ? {} : { today: values.today }),
      });
      console.log(formatAnswerForTerminal(answer));
      if (values.json) console.log(JSON.stringify(answer));
      return 0;
    } finally {
      service.close();
    }
  } finally {
    state?.close();
    apertium.stop();
  }
});
