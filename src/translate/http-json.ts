/** A JSON answer, or why there is none, in words fit for a log line. */
export type JsonOutcome = { ok: true; json: unknown } | { ok: false; cause: string; detail: string };

/**
 * Fetches `url` and parses a 200 answer as JSON, within `timeoutMs` for the whole exchange
 * (connect, headers and body). Never throws: unreachable server → cause `unreachable`, time
 * out → `timeout`, another status → `http-<status>`, a body that is not JSON → `not-json`.
 */
export async function fetchJson(url: URL, init: RequestInit, timeoutMs: number): Promise<JsonOutcome> {
  let status: number;
  let body: string;
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    status = response.status;
    body = await response.text();
  } catch (error) {
    return describeFetchError(error, timeoutMs);
  }
  if (status !== 200) return { ok: false, cause: `http-${status}`, detail: explainErrorBody(body) };
  try {
    return { ok: true, json: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, cause: 'not-json', detail: body.slice(0, 200) };
  }
}

function describeFetchError(error: unknown, timeoutMs: number): JsonOutcome {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { ok: false, cause: 'timeout', detail: `no complete answer within ${timeoutMs} ms` };
  }
  // undici says only "fetch failed"; the socket error (ECONNREFUSED, ENOTFOUND, bad port) is in `cause`.
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  const detail = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return { ok: false, cause: 'unreachable', detail };
}

// APy explains its 4xx/5xx answers in `explanation`; anything else is shown cut short.
function explainErrorBody(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'explanation' in parsed) {
      return String(parsed.explanation);
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.slice(0, 200);
}
