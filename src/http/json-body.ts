import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-context';
import { problem } from './problem';

/** Body size limit for a JSON route, answered with a 413 problem. */
export function jsonBodyLimit(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw problem(413, `The body is larger than ${maxBytes} bytes.`, { maxBytes });
    },
  });
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/**
 * Reads a JSON body: 415 unless it is declared JSON, 400 when it is not valid UTF-8 or does not parse.
 * JSON exchanged between systems must be UTF-8 (RFC 8259 §8.1); `Request.text()` would quietly turn
 * every invalid byte sequence into U+FFFD (WHATWG Encoding, "decode" without `fatal`) and the article
 * would be stored with replacement characters where its text was. A fatal decoder refuses it instead.
 */
export async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!JSON_TYPE.test(type)) {
    throw problem(415, `Send the body as application/json (got ${type ? JSON.stringify(type) : 'no content type'}).`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(await req.arrayBuffer());
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    throw problem(400, 'The body is not valid UTF-8: JSON must be sent as UTF-8 (RFC 8259 §8.1); nothing was written.');
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw problem(400, `The body is not valid JSON: ${(err as Error).message}`);
  }
}
