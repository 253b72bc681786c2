// A real OpenID Connect provider (oidc-provider) for the company sign-in tests, on 127.0.0.1.
// Run as its own process (the library ships ES modules only); prints `ready <issuer>` once
// listening. Env: REDIRECT_URI, POST_LOGOUT_URI, CLIENT_ID, CLIENT_SECRET.
//
// Test-only knobs, set with POST /__test/<name> (JSON), make it misbehave as a broken or
// hostile provider would: `account` (who exists, their groups), `idToken` ({ audience,
// expired, nonce } forged into the next ID tokens), `reset`.
import http from 'node:http';
import Provider from 'oidc-provider';

const accounts = new Map();
let forge = {};

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: process.env.CLIENT_ID,
        client_secret: process.env.CLIENT_SECRET,
        redirect_uris: [process.env.REDIRECT_URI],
        post_logout_redirect_uris: [process.env.POST_LOGOUT_URI],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'groups', 'department'],
    },
    // the claims of the requested scopes go in the ID token itself, as Entra and Keycloak do
    conformIdTokenClaims: false,
    findAccount: async (_ctx, sub) =>
      accounts.has(sub)
        ? { accountId: sub, claims: async () => ({ sub, ...accounts.get(sub) }) }
        : undefined,
    // a first-party app: no consent screen
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
  });
  provider.on('server_error', (_ctx, err) => console.error('provider error', err));

  // forged ID tokens: another audience, an expiry in the past, a nonce that is not ours
  const issue = provider.IdToken.prototype.issue;
  provider.IdToken.prototype.issue = function (options = {}) {
    if (options.use !== 'idtoken') return issue.call(this, options);
    if (forge.nonce) this.set('nonce', forge.nonce);
    if (forge.audience) {
      const real = this.client;
      this.client = new Proxy(real, {
        get: (target, key) => (key === 'clientId' ? forge.audience : Reflect.get(target, key)),
      });
    }
    const expiresAt = forge.expired ? Math.floor(Date.now() / 1000) - 3600 : null;
    return issue.call(this, expiresAt ? { ...options, expiresAt } : options);
  };

  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url.startsWith('/__test/')) return callback(req, res);
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const data = body ? JSON.parse(body) : {};
      const knob = req.url.slice('/__test/'.length);
      if (knob === 'account') accounts.set(data.sub, data.claims);
      else if (knob === 'idToken') forge = data;
      else if (knob === 'reset') {
        accounts.clear();
        forge = {};
      }
      res.writeHead(204).end();
    });
  });
  console.log(`ready ${issuer}`);
});
