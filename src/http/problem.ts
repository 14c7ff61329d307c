import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A field-level validation error in a problem body: JSON Pointer of the field and what is wrong. */
export interface ProblemFieldError {
  pointer: string;
  detail: string;
}

/** RFC 9457 problem details. `type` is a relative URI naming the problem class. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemResponse(problem: Problem, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set('content-type', PROBLEM_CONTENT_TYPE);
  if (!h.has('cache-control')) h.set('cache-control', 'no-store');
  return new Response(JSON.stringify(problem), { status: problem.status, headers: h });
}

const TITLES: Record<number, [string, string]> = {
  400: ['bad-request', 'Bad request'],
  401: ['unauthorized', 'Unauthorized'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  413: ['payload-too-large', 'Payload too large'],
  409: ['conflict', 'Conflict'],
  412: ['precondition-failed', 'Precondition failed'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['invalid-article', 'Invalid article'],
  428: ['precondition-required', 'Precondition required'],
  429: ['too-many-requests', 'Too many requests'],
  501: ['not-implemented', 'Not implemented'],
};

/** An HTTPException whose response is a problem body; thrown by routes, rendered by `onError`. */
export function problem(
  status: ContentfulStatusCode,
  detail: string,
  extra: Partial<Problem> & { headers?: HeadersInit } = {},
): HTTPException {
  const { headers, ...rest } = extra;
  const [slug, title] = TITLES[status] ?? ['error', 'Error'];
  const body: Problem = { type: `/problems/${slug}`, title, status, detail, ...rest };
  return new HTTPException(status, { message: detail, res: problemResponse(body, headers) });
}
