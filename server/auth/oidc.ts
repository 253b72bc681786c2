import * as oidc from 'openid-client';
import type { OidcConfig } from '../config';
import type { OidcIdentity } from '../services/users/sso';

/** What the sign-in remembers between the redirect to the company's provider and its answer. */
export interface OidcPending {
  state: string;
  nonce: string;
  verifier: string;
  /** where to go once signed in (a path of ours) */
  next: string;
  at: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The relying-party side of OpenID Connect, on openid-client: authorization code flow with PKCE
 * (S256), `state` and `nonce`; openid-client checks the ID token's signature, issuer, audience,
 * expiry and nonce. The provider's metadata is discovered on first use (retried after a failure,
 * so a provider that is down at start does not keep the product from starting).
 */
export class OidcClient {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(readonly settings: OidcConfig) {}

  private discover(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    const url = new URL(issuer);
    // plain HTTP only to a provider on this machine (development and tests), never across a network
    const insecure = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
    this.configuration ??= oidc
      .discovery(url, clientId, clientSecret, undefined, {
        ...(insecure && { execute: [oidc.allowInsecureRequests] }),
      })
      .catch((err: unknown) => {
        this.configuration = undefined;
        throw err;
      });
    return this.configuration;
  }

  async start(next: string): Promise<{ url: string; pending: OidcPending }> {
    const config = await this.discover();
    const pending: OidcPending = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      next,
      at: Date.now(),
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /** Exchanges the code; throws when anything does not check out (state, code, token). */
  async finish(callbackUrl: URL, pending: OidcPending): Promise<OidcIdentity> {
    const config = await this.discover();
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims: Record<string, unknown> = { ...tokens.claims()! };
    const { groupsClaim, departmentClaim } = this.settings;
    // some providers put groups only in UserInfo (or only when asked for)
    if (
      claims[groupsClaim] === undefined ||
      (departmentClaim && claims[departmentClaim] === undefined)
    )
      Object.assign(claims, {
        ...(await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub))),
        ...claims,
      });
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
    const raw = claims[groupsClaim];
    return {
      issuer: String(claims.iss),
      subject: String(claims.sub),
      email: text(claims.email)?.toLowerCase() ?? null,
      name: text(claims.name) ?? text(claims.preferred_username),
      groups: (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : [])
        .map(String)
        .filter(Boolean),
      department: departmentClaim ? text(claims[departmentClaim]) : null,
      idToken: tokens.id_token!,
    };
  }

  /** The provider's sign-out address, when it has one (RP-initiated logout). */
  async endSessionUrl(idToken: string, postLogoutRedirect: string): Promise<string | null> {
    const config = await this.discover();
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: postLogoutRedirect,
    }).href;
  }
}
