// The /reindex worker: the same buildIndex() as `npm run index`, run in a child process of the
// bot, reporting progress and the final report over IPC.
import { autostartApertium } from '../src/app/apertium-autostart.js';
import { buildOptionsFrom } from '../src/app/compose.js';
import { loadConfig } from '../src/config.js';
import { buildIndex } from '../src/index/build-index.js';
import type { WorkerMessage } from '../src/index/child-reindexer.js';

// Resolves once the message is written: a large report (many skipped files) exceeds the pipe
// buffer, and disconnecting before the write completes would drop it.
const send = (message: WorkerMessage) =>
  new Promise<void>((resolve) => (process.send === undefined ? resolve() : process.send(message, () => resolve())));
// With APERTIUM_URL unset and apertium-apy installed, the worker embeds through its own APy, as `npm run index` does.
const apertium = await autostartApertium(loadConfig(), 'index');
const config = apertium.config;
const report = await buildIndex(
  buildOptionsFrom(config, {
    trigger: 'discord',
    full: process.argv.includes('--full'),
    onProgress: (progress) => void send({ type: 'progress', progress }),
  }),
).finally(() => apertium.stop());
await send({ type: 'report', report });
process.disconnect?.();
