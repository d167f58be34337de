import { createApertiumTranslator } from '../translate/apertium.js';
import { fetchJson } from '../translate/http-json.js';
import type { Findings } from './problem.js';

/**
 * Checks Apertium's APy (when APERTIUM_URL is set): it answers and has the English↔Italian
 * pairs. Without it questions are searched untranslated, so a failure is not fatal.
 */
export async function checkApertium(findings: Findings, url: string | null, timeoutMs: number): Promise<void> {
  const name = 'Apertium (APy)';
  if (url === null) {
    findings.skip(name, 'APERTIUM_URL is not set: questions are searched untranslated');
    return;
  }
  const reasons: string[] = [];
  const translator = createApertiumTranslator({
    url,
    timeoutMs,
    logger: { warn: (details: { detail?: string }) => void reasons.push(details.detail ?? '') },
  });
  if (await translator.available()) {
    findings.pass(name, `${url} answers with the English↔Italian pairs`);
    return;
  }
  findings.fail(name, {
    code: 'apertium-unreachable',
    key: 'APERTIUM_URL',
    message: `APy at ${url} does not answer with the pairs it needs (${reasons.join('; ') || 'no answer'}): start it with \`bash scripts/apertium.sh start\`, or unset APERTIUM_URL. Meanwhile questions are searched untranslated.`,
    fatal: false,
  });
}

/**
 * Checks the LLM server (when OPENAI_API_KEY is set) by listing its models, which costs no
 * tokens. Answers fall back to extractive ones when it fails, so a failure is not fatal.
 */
export async function checkLlm(
  findings: Findings,
  input: { apiKey: string | null; baseUrl: string | null; model: string; timeoutMs: number },
): Promise<void> {
  const name = 'LLM';
  if (input.apiKey === null) {
    findings.skip(name, 'OPENAI_API_KEY is not set: answers are extractive');
    return;
  }
  const base = input.baseUrl ?? 'https://api.openai.com/v1';
  const url = new URL(`${base.replace(/\/+$/, '')}/models`);
  const outcome = await fetchJson(url, { headers: { authorization: `Bearer ${input.apiKey}` } }, input.timeoutMs);
  if (outcome.ok || /^http-(404|405)$/.test(outcome.cause)) {
    // A server without a model list still answered: it is there.
    findings.pass(name, `${base} answers (model ${input.model})`);
    return;
  }
  const rejected = outcome.cause === 'http-401' || outcome.cause === 'http-403';
  findings.fail(name, {
    code: rejected ? 'llm-key-rejected' : 'llm-unreachable',
    key: rejected ? 'OPENAI_API_KEY' : 'OPENAI_BASE_URL',
    message: rejected
      ? `${base} rejects OPENAI_API_KEY (${outcome.cause}): set a valid key. Meanwhile answers fall back to extractive ones.`
      : `${base} does not answer (${outcome.cause}: ${outcome.detail}): check OPENAI_BASE_URL and the server. Meanwhile answers fall back to extractive ones.`,
    fatal: false,
  });
}
