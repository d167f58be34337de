/** Why a request failed, with a short code for reports (`timeout`, `http-500`, `too-large`…). */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The code and message of any error met while pulling (`internal` for an unexpected one). */
export function describePullError(error: unknown): { code: string; message: string } {
  if (error instanceof FetchError) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
