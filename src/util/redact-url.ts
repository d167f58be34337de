/** Query parameters whose values are treated as credentials. */
const SECRET_PARAM =
  /^(?:.*[-_])?(?:key|apikey|token|secret|password|passwd|pass|pwd|auth|sig|signature|credentials?)$/i;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/**
 * `url` without credentials, for showing: user and password dropped, values of query parameters
 * named like secrets (`key`, `token`, `api_key`, `sig`…) replaced by `***`. Text that is not a
 * URL is returned unchanged.
 */
export function redactUrl(url: string): string {
  const parsed = URL.parse(url);
  if (parsed === null) return url;
  const hadUser = parsed.username !== '' || parsed.password !== '';
  parsed.username = '';
  parsed.password = '';
  let hidden = false;
  for (const name of [...parsed.searchParams.keys()])
    if (SECRET_PARAM.test(name)) {
      parsed.searchParams.set(name, '***');
      hidden = true;
    }
  return hadUser || hidden ? parsed.href.replace(/%2A%2A%2A/g, '***') : url;
}

/** `text` with every http(s) URL in it passed through redactUrl (error messages name URLs). */
export function redactUrls(text: string): string {
  return text.replace(URL_IN_TEXT, (match) => {
    // Punctuation after a URL ("…/feed: HTTP 500") belongs to the sentence.
    const url = match.replace(/[.,:;!?)\]]+$/, '');
    return redactUrl(url) + match.slice(url.length);
  });
}
