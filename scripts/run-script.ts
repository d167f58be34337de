import { ConfigError } from '../src/config.js';

/**
 * Runs a script's body and exits with its code. Known errors (bad arguments, bad configuration)
 * print one clear message; anything else prints its stack.
 */
export async function runScript(usage: string, body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
      console.error(`${error.message}\n${usage}`);
    else console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  }
}
