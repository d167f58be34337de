import type { Logger } from '../util/logger.js';

/** Logs a warning the first time each cause is seen; later ones with the same cause are dropped. */
export type WarnOnce = (cause: string, details: object, msg: string) => void;

/**
 * Creates a once-per-cause warner, so a dead translation server logs one line, not one per
 * question. `cause` should come from a small fixed set (`timeout`, `http-502`, …); never throws.
 */
export function createWarnOnce(logger: Logger | undefined): WarnOnce {
  const seen = new Set<string>();
  return (cause, details, msg) => {
    if (logger === undefined || seen.has(cause)) return;
    seen.add(cause);
    logger.warn({ cause, ...details }, msg);
  };
}
