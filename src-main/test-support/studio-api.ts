import { call, type CallResult } from '../../src-server/test-support/http-client';

export interface StudioApi {
  apiUrl: string;
  personId: string;
  token: string;
  /** The answer to a request as this person: what the server holds, seen past main. */
  send(method: string, path: string, body?: unknown): Promise<CallResult>;
  get(path: string): Promise<CallResult>;
  post(path: string, body: unknown): Promise<CallResult>;
  /** The body of a request that must succeed; any other answer throws. */
  expectOk(method: string, path: string, body?: unknown): Promise<CallResult['body']>;
}

/** Plain HTTP to a studio's API as a person, as any Kitsu client does. */
export async function studioApi(
  apiUrl: string,
  email: string,
  password: string,
): Promise<StudioApi> {
  const login = await call('POST', `${apiUrl}/auth/login`, { body: { email, password } });
  if (login.status !== 200) throw new Error(`login as ${email}: ${JSON.stringify(login.body)}`);
  const token = String(login.body.access_token);
  const send = (method: string, path: string, body?: unknown) =>
    call(method, `${apiUrl}${path}`, { token, body });
  return {
    apiUrl,
    personId: String(login.body.user.id),
    token,
    send,
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    async expectOk(method, path, body) {
      const answer = await send(method, path, body);
      if (answer.status >= 300) {
        throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      return answer.body;
    },
  };
}
