// `npm run load -- [-n 50] [--json]`: N questions at once through a fake Discord to the real bot.
import { createLogger } from '../src/app/logger.js';
import { loadConfig } from '../src/config.js';
import { parseLoadArgs, USAGE } from './load/options.js';
import { formatLoadJson, formatLoadReport, loadFailed } from './load/report.js';
import { runLoad } from './load/run-load.js';
import { prepareLoadWorkspace } from './load/workspace.js';
import { runScript } from './run-script.js';

await runScript(USAGE, async () => {
  const args = parseLoadArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`load: ${line}\n`);
  const workspace = await prepareLoadWorkspace(loadConfig(), log);
  try {
    const { config } = workspace;
    const result = await runLoad({
      n: args.n,
      concurrency: args.concurrency ?? config.MAX_CONCURRENT_ANSWERS,
      queueLimit: args.queueLimit ?? config.ANSWER_QUEUE_LIMIT,
      timeoutMs: args.timeoutMs,
      config,
      questions: workspace.questions,
      // Warnings only: an info line per answer would drown the report.
      logger: createLogger('warn'),
      log,
    });
    console.log(formatLoadReport(result));
    if (args.json) console.log(formatLoadJson(result));
    return loadFailed(result) ? 1 : 0;
  } finally {
    workspace.cleanup();
  }
});
