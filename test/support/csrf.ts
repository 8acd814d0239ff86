import type request from 'supertest';

/** The CSRF token in a page's form (`<input type="hidden" name="_csrf" value="...">`). */
export function csrfIn(html: string): string {
  const match = /name="_csrf"\s+value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on this page');
  return match[1];
}

/** GETs a form page with the agent (which keeps the session cookie) and returns its CSRF token. */
export async function csrfFrom(
  agent: ReturnType<typeof request.agent>,
  path: string,
): Promise<string> {
  const res = await agent.get(path).expect(200);
  return csrfIn(res.text);
}

/** The value of the session cookie in a response's Set-Cookie header, or null. */
export function sessionCookie(
  setCookie: string | string[] | undefined,
  name = 'mzh.sid',
): string | null {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((c) => c.startsWith(`${name}=`));
  return cookie ? cookie.split(';')[0].slice(name.length + 1) : null;
}

type Agent = ReturnType<typeof request.agent>;

/**
 * GETs the form page for its CSRF token, then builds the POST of the fields like a browser would,
 * not sent yet (add supertest's `.expect(...)`); wrapped, since awaiting a request sends it.
 */
export async function formPost(
  agent: Agent,
  formPath: string,
  fields: Record<string, string>,
  action = formPath,
): Promise<{ post: request.Test }> {
  const token = await csrfFrom(agent, formPath); // before the POST is built: it takes the cookie jar's state
  return {
    post: agent
      .post(action)
      .type('form')
      .send({ ...fields, _csrf: token }),
  };
}

/** GETs the form page for its CSRF token, then POSTs the fields like a browser would. */
export async function submitForm(
  agent: Agent,
  formPath: string,
  fields: Record<string, string>,
  action = formPath,
): Promise<request.Response> {
  return (await formPost(agent, formPath, fields, action)).post;
}

/** Logs in through the real login form; throws with the page when it did not work. */
export async function logIn(
  agent: Agent,
  member: { email: string; password: string },
): Promise<void> {
  const res = await submitForm(agent, '/inloggen', {
    email: member.email,
    password: member.password,
  });
  if (res.status !== 302 && res.status !== 303) {
    throw new Error(`login failed: ${res.status} ${res.text.slice(0, 300)}`);
  }
}
