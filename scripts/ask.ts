import { parseArgs } from 'node:util';
import { createAnswerService } from '../src/app/answer-service.js';
import { formatAnswerForTerminal } from '../src/app/format-answer.js';
import { createLogger } from '../src/app/logger.js';
import { autostartApertium } from '../src/app/apertium-autostart.js';
import { loadConfig } from '../src/config.js';
import { isLang } from '../src/text/lang.js';
import { isValidIsoDate } from '../src/time/index.js';
import { runScript } from './run-script.js';

const USAGE = 'usage: npm run ask -- [--json] [-k N] [--lang it|en] [--data DIR] [--today YYYY-MM-DD] "question"';

await runScript(USAGE, async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      k: { type: 'string', short: 'k' },
      lang: { type: 'string' },
      data: { type: 'string' },
      today: { type: 'string' },
    },
  });
  const question = positionals.join(' ');
  if (values.lang !== undefined && !isLang(values.lang)) throw new TypeError(`--lang must be it or en`);
  const k = values.k === undefined ? undefined : Number(values.k);
  if (k !== undefined && !(Number.isInteger(k) && k >= 1 && k <= 50))
    throw new TypeError('-k must be a whole number from 1 to 50');
  if (values.today !== undefined && !isValidIsoDate(values.today))
    throw new TypeError('--today must be a real date written YYYY-MM-DD');
  const config = loadConfig();
  if (values.data !== undefined) config.DATA_DIR = values.data;
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const apertium = await autostartApertium(config, 'answers', logger);
  const service = await createAnswerService(apertium.config, logger);
  try {
    const answer = await service.ask({
      question,
      languageHint: isLang(values.lang) ? values.lang : null,
      ...(k === undefined ? {} : { knobs: { k } }),
      ...(values.today === undefined ? {} : { today: values.today }),
    });
    console.log(formatAnswerForTerminal(answer));
    if (values.json) console.log(JSON.stringify(answer));
    return 0;
  } finally {
    service.close();
    apertium.stop();
  }
});
