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

/** Reads a JSON body: 415 unless it is declared JSON, 400 when it does not parse. */
export async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!JSON_TYPE.test(type)) {
    throw problem(415, `Send the body as application/json (got ${type ? JSON.stringify(type) : 'no content type'}).`);
  }
  const text = await req.text();
  try {
    return JSON.parse(text);
  } catch (err) {
    throw problem(400, `The body is not valid JSON: ${(err as Error).message}`);
  }
}
