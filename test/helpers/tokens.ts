import request from 'supertest';
import { tokenCreatedResponse } from '../../server/contract/tokens';
import type { TokenScope } from '../../server/contract/enums';
import type { Client, TestContext } from './app';
import { contractData } from './contract';

/** An admin creates a token with `scopes` and returns it (the secret included). */
export async function createToken(
  admin: Client,
  scopes: TokenScope[],
  name = 'Phone system',
  expiresInDays = 30,
) {
  const res = await admin.post('/api/tokens', { name, scopes, expiresInDays });
  if (res.status !== 201)
    throw new Error(`creating a token failed: ${res.status} ${JSON.stringify(res.body)}`);
  return contractData(tokenCreatedResponse, res);
}

/** Requests as a server would send them: the bearer token, no cookie, no CSRF token. */
export function withToken(ctx: TestContext, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    auth: auth.Authorization,
    get: (url: string) => request(ctx.app).get(url).set(auth),
    post: (url: string, body?: object) => request(ctx.app).post(url).set(auth).send(body),
    delete: (url: string) => request(ctx.app).delete(url).set(auth),
  };
}
