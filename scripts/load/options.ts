import { parseArgs } from 'node:util';

export const USAGE =
  'usage: npm run load -- [-n 50] [--json] [--concurrency N] [--queue-limit N] [--timeout-ms MS]\n' +
  '  -n             questions sent at once, each from a different user (default 50)\n' +
  '  --json         print the result as JSON on the last line of stdout\n' +
  '  --concurrency  answers running at once (default: MAX_CONCURRENT_ANSWERS)\n' +
  '  --queue-limit  answers waiting before "busy" (default: ANSWER_QUEUE_LIMIT)\n' +
  '  --timeout-ms   how long to wait for the last reply before counting the rest as lost (default 120000)';

/** What the command line asked for; null means "as configured". */
export interface LoadArgs {
  n: number;
  json: boolean;
  concurrency: number | null;
  queueLimit: number | null;
  timeoutMs: number;
}

/**
 * Parses load arguments. Throws TypeError with a code starting ERR_PARSE_ARGS (as node's
 * parseArgs does, so scripts print the usage) on an unknown option or a value that is not a
 * whole number in range (n ≥ 1, concurrency ≥ 1, queue limit ≥ 0, timeout ≥ 1000 ms).
 */
export function parseLoadArgs(args: string[]): LoadArgs {
  const { values } = parseArgs({
    args,
    options: {
      n: { type: 'string', short: 'n', default: '50' },
      json: { type: 'boolean', default: false },
      concurrency: { type: 'string' },
      'queue-limit': { type: 'string' },
      'timeout-ms': { type: 'string', default: '120000' },
    },
  });
  return {
    n: wholeNumber('-n', values.n, 1),
    json: values.json,
    concurrency: values.concurrency === undefined ? null : wholeNumber('--concurrency', values.concurrency, 1),
    queueLimit: values['queue-limit'] === undefined ? null : wholeNumber('--queue-limit', values['queue-limit'], 0),
    timeoutMs: wholeNumber('--timeout-ms', values['timeout-ms'], 1000),
  };
}

function wholeNumber(name: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw argError(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return value;
}

function argError(message: string): TypeError {
  return Object.assign(new TypeError(message), { code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' });
}
