// Test-only build entry point for the fault tests:
// `node --import tsx tests/helpers/paused-build.ts --pause-at POINT --corpus DIR|--sources FILE --data DIR`.
// It builds like `npm run index -- --corpus DIR|--sources FILE --data DIR` (configuration from the
// environment) with the build option `pauseAt`, so the build stops at POINT and waits to be killed there.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildOptionsFrom } from '../../src/app/compose.js';
import { loadConfig } from '../../src/config.js';
import { buildIndex } from '../../src/index/build-index.js';
import { PAUSE_POINTS } from '../../src/index/pause-for-test.js';

const { values } = parseArgs({
  options: {
    'pause-at': { type: 'string' },
    corpus: { type: 'string' },
    sources: { type: 'string' },
    data: { type: 'string' },
  },
});
const pauseAt = PAUSE_POINTS.find((point) => point === values['pause-at']);
if (pauseAt === undefined || (values.corpus === undefined) === (values.sources === undefined) || !values.data)
  throw new Error(`usage: paused-build.ts --pause-at ${PAUSE_POINTS.join('|')} --corpus DIR|--sources FILE --data DIR`);
const config = loadConfig();
if (values.sources !== undefined) config.SOURCES_FILE = path.resolve(values.sources);
const options = buildOptionsFrom(config, { trigger: 'cli', pauseAt });
if (values.corpus !== undefined) {
  options.corpusDir = values.corpus;
  options.sources = null;
}
options.dataDir = values.data;
const report = await buildIndex(options);
// Reached only when the pause point is never passed (the tests kill the build before).
console.log(JSON.stringify(report));
