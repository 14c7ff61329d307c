import { Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { access } from '../http/access';
import { problem } from '../http/problem';
import { endSession, isStaffToken, startSession } from '../http/staff-auth';
import { uiLang } from '../http/ui-lang';
import { SignInPage } from '../../templates/newsroom/sign-in-page';

/** Signing in to and out of the newsroom (a session cookie; see src/http/staff-auth.ts). */
export const newsroomSignIn = new Hono<AppEnv>();

/** Only local paths under /newsroom: an open redirect would hand the session's next page to anyone. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/newsroom(\/[\w\-./%]*)?$/.test(next) && !next.includes('//') ? next : '/newsroom');

const noStore = { 'cache-control': 'no-store' };

newsroomSignIn.get('/newsroom/sign-in', access('public'), (c) =>
  c.html(<SignInPage lang={uiLang(c)} next={safeNext(c.req.query('next'))} />, 200, noStore),
);

newsroomSignIn.post('/newsroom/sign-in', access('public'), async (c) => {
  // Login CSRF: a sign-in must come from our own form (Origin, when the browser sends one).
  const origin = c.req.header('origin');
  if (origin && origin !== new URL(c.req.url).origin) throw problem(400, 'Sign in from the newsroom sign-in page.');
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    throw problem(415, 'Send the sign-in form (application/x-www-form-urlencoded).');
  }
  const form = await c.req.parseBody();
  const token = typeof form.token === 'string' ? form.token : '';
  const next = safeNext(form.next);
  if (!(await isStaffToken(token, c.env.STAFF_TOKEN))) {
    return c.html(<SignInPage lang={uiLang(c)} next={next} failed />, 401, noStore);
  }
  const name = (typeof form.name === 'string' ? form.name : '').normalize('NFC').replace(/[\p{C}]/gu, '').trim().slice(0, 80) || 'staff';
  await startSession(c, name);
  return c.redirect(next, 303);
});

newsroomSignIn.post('/newsroom/sign-out', access('staff'), (c) => {
  endSession(c);
  return c.redirect('/newsroom/sign-in', 303);
});
