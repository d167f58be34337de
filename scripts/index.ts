import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildOptionsFrom } from '../src/app/compose.js';
import { createProgressDisplay } from '../src/app/build-progress.js';
import { formatBuildReport, terminalLang } from '../src/app/format-build-report.js';
import { autostartApertium } from '../src/app/apertium-autostart.js';
import { createLogger } from '../src/app/logger.js';
import { loadConfig } from '../src/config.js';
import { buildIndex } from '../src/index/build-index.js';
import { runScript } from './run-script.js';

const USAGE = 'usage: npm run index -- [--full] [--sources FILE | --corpus DIR] [--data DIR] [--json]';

await runScript(USAGE, async () => {
  const { values } = parseArgs({
    options: {
      full: { type: 'boolean', default: false },
      corpus: { type: 'string' },
      sources: { type: 'string' },
      data: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const apertium = await autostartApertium(loadConfig(), 'index', createLogger('warn'));
  const config = apertium.config;
  if (values.sources !== undefined) config.SOURCES_FILE = path.resolve(values.sources);
  const display = createProgressDisplay();
  const options = buildOptionsFrom(config, { trigger: 'cli', full: values.full, onProgress: display.onProgress });
  // --corpus means "this one folder", whatever the sources file says.
  if (values.corpus !== undefined) {
    options.corpusDir = values.corpus;
    options.sources = null;
  }
  if (values.data !== undefined) options.dataDir = values.data;
  const report = await buildIndex(options).finally(() => apertium.stop());
  display.stop();
  console.log(formatBuildReport(report, terminalLang()));
  if (values.json) console.log(JSON.stringify(report));
  return report.outcome === 'success' ? 0 : 1;
});
