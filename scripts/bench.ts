import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { parseBenchArgs, USAGE } from './bench/options.js';
import { formatTable } from './bench/table.js';
import { runScript } from './run-script.js';

await runScript(USAGE, async () => {
  const args = parseBenchArgs(process.argv.slice(2));
  const config = loadConfig();
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  if (args.scaleOne !== null) {
    // Imported on demand: a scale child must not load the model's runtime, or its memory would count.
    const { runScaleChild } = await import('./bench/scale-child.js');
    const result = runScaleChild(args.scaleOne, args.dataDir, config, log);
    console.log(
      args.json ? JSON.stringify(result) : formatTable(Object.keys(result), [Object.values(result).map(String)]),
    );
    return 0;
  }
  const { runBench } = await import('./bench/run.js');
  const { formatReport } = await import('./bench/report.js');
  const result = await runBench({ script: fileURLToPath(import.meta.url), args, config, log });
  console.log(formatReport(result));
  if (args.json) console.log(JSON.stringify(result));
  return result.incremental.ok ? 0 : 1;
});
