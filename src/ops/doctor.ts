import type { Config } from '../config.js';
import type { ModelSources } from '../embedding/resolve-model.js';
import { checkIndexAndModel, type TryModel } from './check-index.js';
import { checkApertium, checkLlm } from './check-services.js';
import { checkSourcesFile, checkSourcesReachable, type SourcesCheck } from './check-sources.js';
import { checkToken } from './check-token.js';
import { Findings, type DoctorReport } from './problem.js';
import { indexTuning } from '../index/tuning.js';

/** Online checks of the Discord side, given a token that passed the offline checks. */
export type CheckDiscord = (findings: Findings, token: string) => Promise<void>;

/** What the doctor needs besides the configuration; the script passes the real parts. */
export interface DoctorDeps {
  sources: ModelSources;
  tryModel: TryModel;
  checkDiscord: CheckDiscord;
  /** Skip every check that needs the network (Discord, APy, LLM, sources). */
  offline: boolean;
  timeoutMs: number;
}

/**
 * Checks the configuration offline (token shape, index, model, sources file) and online
 * (Discord, APy, LLM, each remote source)
 * and returns every problem found, with what to do. Never throws: a check that crashes becomes
 * a `check-crashed` problem naming it.
 */
export async function runDoctor(config: Config, deps: DoctorDeps): Promise<DoctorReport> {
  const findings = new Findings();
  const guard = async (name: string, check: () => Promise<void> | void) => {
    try {
      await check();
    } catch (error) {
      findings.fail(name, {
        code: 'check-crashed',
        message: `The ${name} check failed unexpectedly: ${(error as Error).message}`,
        fatal: false,
      });
    }
  };
  let token: string | null = null;
  await guard('Discord token', () => {
    token = checkToken(findings, config.DISCORD_TOKEN, config.DISCORD_CLIENT_ID);
  });
  await guard('index', () =>
    checkIndexAndModel(findings, {
      dataDir: config.DATA_DIR,
      efSearch: indexTuning(config.TUNING).efSearch,
      sources: deps.sources,
      tryModel: deps.tryModel,
    }),
  );
  let sources: SourcesCheck = null;
  await guard('sources file', () => {
    sources = checkSourcesFile(findings, config);
  });
  if (deps.offline) {
    findings.skip('online checks', '--offline: Discord, APy, the LLM and the sources were not contacted');
    return findings.report();
  }
  const usable: string | null = token;
  if (usable !== null) await guard('Discord', () => deps.checkDiscord(findings, usable));
  await guard('Apertium', () => checkApertium(findings, config.APERTIUM_URL, deps.timeoutMs));
  await guard('LLM', () =>
    checkLlm(findings, {
      apiKey: config.OPENAI_API_KEY,
      baseUrl: config.OPENAI_BASE_URL,
      model: config.OPENAI_MODEL,
      timeoutMs: deps.timeoutMs,
    }),
  );
  const checked: SourcesCheck = sources;
  await guard('sources', () => checkSourcesReachable(findings, checked));
  return findings.report();
}
