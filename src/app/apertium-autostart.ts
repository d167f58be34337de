import path from 'node:path';
import type pino from 'pino';
import { projectRoot, type Config } from '../config.js';
import { startApy } from '../translate/apy-process.js';

const START_TIMEOUT_MS = 60_000;

const needsApertium = (config: Config, use: 'answers' | 'index') =>
  use === 'index'
    ? config.EMBED_VIA_TRANSLATION !== 'off'
    : config.QUERY_TRANSLATION === 'auto' || config.QUERY_TRANSLATION === 'apertium';

/** The configuration to run with (APERTIUM_URL pointing at a started APy, if one was) and how to stop what was started. */
export interface AutostartedApertium {
  config: Config;
  /** The started APy's pid, or null when none was started. */
  pid: number | null;
  stop(): void;
}

/**
 * With APERTIUM_URL unset (APERTIUM_AUTOSTART), starts APy through `scripts/apertium.sh serve` on
 * a free loopback port and returns the configuration pointing at it; the child stops on `stop()`
 * or when this process exits. A configured URL, `off`, a configuration that would not use it
 * (`use`: answering with QUERY_TRANSLATION llm/off; indexing with EMBED_VIA_TRANSLATION off), or
 * APy not installed start nothing.
 * Never throws: a failed start is logged and the product runs without Apertium.
 */
export async function autostartApertium(
  config: Config,
  use: 'answers' | 'index',
  logger?: pino.Logger,
): Promise<AutostartedApertium> {
  const none = { config, pid: null, stop: () => undefined };
  if (!config.APERTIUM_AUTOSTART || config.APERTIUM_URL !== null || !needsApertium(config, use)) return none;
  const started = await startApy({
    script: path.join(projectRoot, 'scripts', 'apertium.sh'),
    startTimeoutMs: START_TIMEOUT_MS,
  });
  if (!started.ok) {
    if (started.why === 'failed')
      logger?.warn({ err: started.detail }, 'could not start Apertium (APy); continuing without it');
    else
      logger?.debug(
        { detail: started.detail },
        'apertium-apy is not installed; English questions are searched untranslated',
      );
    return none;
  }
  logger?.info({ url: started.apy.url, pid: started.apy.pid }, 'started Apertium (APy) for this process');
  return { config: { ...config, APERTIUM_URL: started.apy.url }, pid: started.apy.pid, stop: started.apy.stop };
}
