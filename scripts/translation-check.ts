import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { loadDataset } from '../src/eval/dataset.js';
import { checkTranslations } from '../src/eval/translation-overlap.js';
import { warmApertiumFrom } from '../src/app/compose.js';
import { runScript } from './run-script.js';

const USAGE =
  'usage: APERTIUM_URL=http://127.0.0.1:2737 npm run translation-check -- --dataset FILE [--max N] [--json]';

await runScript(USAGE, async () => {
  const { values } = parseArgs({
    options: { dataset: { type: 'string' }, max: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (values.dataset === undefined) throw new TypeError('--dataset is required');
  const config = loadConfig();
  if (config.APERTIUM_URL === null) throw new TypeError('set APERTIUM_URL to the APy to check');
  const translator = await warmApertiumFrom(config);
  if (translator === null) throw new TypeError(`APy at ${config.APERTIUM_URL} does not translate`);
  const questions = loadDataset(values.dataset).questions.slice(
    0,
    values.max === undefined ? undefined : Number(values.max),
  );
  const check = await checkTranslations(translator, questions);
  console.log(
    values.json
      ? JSON.stringify(check)
      : `${check.questions} questions (${check.failed} untranslated): mean content-term F1 against the Italian ones ${check.meanTermF1}`,
  );
  return 0;
});
