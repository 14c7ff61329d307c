/**
 * What each problem `type` this service sends means, for the page its URI dereferences to (RFC 9457
 * §3.1.1: a type URI, when dereferenced, should give human-readable documentation). Keys are the
 * slugs after `/problems/`; `http-<status>` types (from the framework's own middleware) are described
 * by their status.
 */
export const PROBLEM_TYPES: Readonly<Record<string, { title: string; status: number; meaning: string }>> = {
  'bad-request': { title: 'Bad request', status: 400, meaning: 'The request is malformed: a body that is not JSON or not valid UTF-8, a parameter out of range, an unknown cursor. The detail names what to fix; nothing was changed.' },
  unauthorized: { title: 'Unauthorized', status: 401, meaning: 'The credentials are missing or wrong: the ingest API takes "Authorization: Bearer <INGEST_TOKEN>"; the newsroom takes Cloudflare Access, its session cookie or "Authorization: Bearer <STAFF_TOKEN>".' },
  csrf: { title: 'Forbidden', status: 403, meaning: 'A state-changing request made with a browser session did not carry the page\'s CSRF token (X-CSRF-Token) or came from another origin.' },
  'not-found': { title: 'Not found', status: 404, meaning: 'No such route, or no article with that id or URL that you may see (drafts and embargoed articles are not public).' },
  'method-not-allowed': { title: 'Method not allowed', status: 405, meaning: 'The path exists, but not for this method; the Allow header lists the methods it takes.' },
  conflict: { title: 'Conflict', status: 409, meaning: 'The request conflicts with what is stored; the detail says with what.' },
  'precondition-failed': { title: 'Precondition failed', status: 412, meaning: 'The If-Match sent does not name the current version: someone saved since you loaded it. The body names who changed what.' },
  'payload-too-large': { title: 'Payload too large', status: 413, meaning: 'The body is over the limit: 1 MiB for an article, 10 MiB or 100 articles for a batch, 16 KiB for newsroom edits.' },
  'unsupported-media-type': { title: 'Unsupported media type', status: 415, meaning: 'Send the body as application/json in UTF-8.' },
  'invalid-article': { title: 'Invalid article', status: 422, meaning: 'The article does not match the schema; errors[] gives the JSON Pointer of each field that is wrong and why. Nothing was written.' },
  'invalid-social-fields': { title: 'Invalid social fields', status: 422, meaning: 'The newsroom edit does not match the social fields\' schema; errors[] names each field.' },
  'precondition-required': { title: 'Precondition required', status: 428, meaning: 'Saving newsroom overrides needs If-Match with the ETag of the version you edited.' },
  'too-many-requests': { title: 'Too many requests', status: 429, meaning: 'Over a rate limit; try again after the seconds in Retry-After.' },
  internal: { title: 'Internal error', status: 500, meaning: 'Something failed on our side; the request id in the logs (cf-ray) helps the on-call engineer.' },
  'not-implemented': { title: 'Not implemented', status: 501, meaning: 'A feature that is not configured or not offered, such as an oEmbed format other than json and xml.' },
  upstream: { title: 'Bad gateway', status: 502, meaning: 'A service this one depends on did not answer as it should.' },
};
