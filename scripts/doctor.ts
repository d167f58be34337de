// `npm run doctor [-- --json] [--offline]`: checks configuration, index, model and the services
// the bot talks to, prints each problem with what to do; exits 1 when one stops the bot from answering.
import { parseArgs } from 'node:util';
import { modelSourcesFrom } from '../src/app/compose.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { checkDiscordSetup } from '../src/discord/check-setup.js';
import { commands } from '../src/discord/commands/index.js';
import { loadEmbedder } from '../src/embedding/load-embedder.js';
import { runDoctor } from '../src/ops/doctor.js';
import { doctorJson, formatDoctorReport } from '../src/ops/format-doctor.js';
import { Findings, type DoctorReport } from '../src/ops/problem.js';
import { runScript } from './run-script.js';

const USAGE = 'usage: npm run doctor -- [--json] [--offline]';
const TIMEOUT_MS = 5000;

async function diagnose(offline: boolean): Promise<DoctorReport> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const findings = new Findings();
    for (const issue of error.issues)
      findings.fail('configuration', {
        code: 'config-invalid',
        key: issue.key,
        message: `${issue.key}: ${issue.message} (see .env.example).`,
        fatal: true,
      });
    return findings.report();
  }
  const { DISCORD_API_URL: apiUrl, DISCORD_GUILD_ID: guildId } = config;
  return runDoctor(config, {
    sources: modelSourcesFrom(config),
    tryModel: async (spec) => void (await (await loadEmbedder(spec)).embedQuery('doctor')),
    checkDiscord: (findings, token) =>
      checkDiscordSetup(findings, {
        token,
        apiUrl,
        guildId,
        timeoutMs: TIMEOUT_MS,
        commandNames: commands.map((c) => c.name),
      }),
    offline,
    timeoutMs: TIMEOUT_MS,
  });
}

await runScript(USAGE, async () => {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, offline: { type: 'boolean', default: false } },
  });
  const report = await diagnose(values.offline);
  console.log(formatDoctorReport(report));
  if (values.json) console.log(doctorJson(report));
  return report.ok ? 0 : 1;
});
