import { parseArgs } from 'node:util';
import type { BenchMode } from './types.js';

export const USAGE =
  'usage: npm run bench -- [--quick | --full] [--json] [--data DIR]\n' +
  '  --quick  tiny sizes for CI (< 1 minute)    --full  adds 1M synthetic passages\n' +
  '  --json   print the results as JSON on the last line of stdout\n' +
  '  --data   folder for the benchmark index (default: a temp folder, removed at the end; its index is replaced)';

/** Sizes of one preset. */
export interface BenchSizes {
  /** Eval articles indexed (null: all 24). */
  evalArticles: number | null;
  /** Questions per language for retrieval latencies (null: all 600). */
  questions: number | null;
  /** Questions per language asked end to end (extractive answers embed sentences: slower). */
  askQuestions: number;
  /** Synthetic passages per scale point. */
  scale: number[];
  /** Articles of the incremental-reindex store (synthetic vectors; the changed one embedded by the real model). */
  incrementalArticles: number;
  /** Questions per direction for translation latency. */
  translations: number;
}

export const PRESETS: Record<BenchMode, BenchSizes> = {
  quick: {
    evalArticles: 3,
    questions: 30,
    askQuestions: 10,
    scale: [2_000],
    incrementalArticles: 100,
    translations: 10,
  },
  default: {
    evalArticles: null,
    questions: null,
    askQuestions: 100,
    scale: [10_000, 100_000],
    incrementalArticles: 10_000,
    translations: 50,
  },
  full: {
    evalArticles: null,
    questions: null,
    askQuestions: 200,
    scale: [10_000, 100_000, 1_000_000],
    incrementalArticles: 10_000,
    translations: 100,
  },
};

/** What the command line asked for. */
export interface BenchArgs {
  mode: BenchMode;
  json: boolean;
  /** --data: kept after the run; null means a temp folder that is removed. */
  dataDir: string | null;
  /** Internal: measure one synthetic size in this process and print its JSON. */
  scaleOne: number | null;
}

/**
 * Parses bench arguments. Throws TypeError with a code starting ERR_PARSE_ARGS (as node's
 * parseArgs does, so scripts print the usage) on an unknown option, on --quick with --full, and
 * when --scale-one is not a positive whole number.
 */
export function parseBenchArgs(args: string[]): BenchArgs {
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      data: { type: 'string' },
      'scale-one': { type: 'string' },
    },
  });
  if (values.quick && values.full) throw argError('--quick and --full exclude each other');
  const raw = values['scale-one'];
  const scaleOne = raw === undefined ? null : Number(raw);
  if (scaleOne !== null && !(Number.isInteger(scaleOne) && scaleOne > 0))
    throw argError(`--scale-one must be a positive whole number, got ${raw}`);
  return {
    mode: values.quick ? 'quick' : values.full ? 'full' : 'default',
    json: values.json,
    dataDir: values.data ?? null,
    scaleOne,
  };
}

function argError(message: string): TypeError {
  return Object.assign(new TypeError(message), { code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' });
}
