import { FetchError } from './fetch-error.js';

/**
 * The body of `response` as text, decoded by its charset (UTF-8 by default), read at most up to
 * `maxBytes`: a longer body (by Content-Length or as it streams) is cancelled and throws
 * FetchError `too-large`.
 */
export async function readBody(response: Response, url: string, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(url, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (reader !== undefined) {
    for (;;) {
      const { done, value } = (await reader.read()) as { done: boolean; value: Uint8Array };
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooLarge(url, maxBytes);
      }
      chunks.push(value);
    }
  }
  return decoderFor(response.headers.get('content-type')).decode(Buffer.concat(chunks));
}

function tooLarge(url: string, maxBytes: number): FetchError {
  return new FetchError('too-large', `${url}: the response is larger than ${maxBytes} bytes (fetch.maxBytes)`);
}

function decoderFor(contentType: string | null): { decode(input: Uint8Array): string } {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset);
  } catch {
    return new TextDecoder('utf-8');
  }
}
