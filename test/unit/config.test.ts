import path from 'node:path';
import { ConfigError, loadConfig } from '../../server/config';
import { ROOT } from '../../server/paths';

const SECRET = 'a-session-secret-that-is-long-enough-123';

/** Runs `fn`, expecting a ConfigError; returns its message. */
function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig: defaults', () => {
  it('defaults to development on port 3000 with demo data', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.seedDemo).toBe(true);
    expect(config.trustProxy).toBe(false);
    expect(config.bodyLimit).toBe('256kb');
    expect(config.databasePath).toBe(path.resolve(ROOT, 'data/firstcall.db'));
  });

  it('does not seed demo data in test mode', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).seedDemo).toBe(false);
  });

  it('lets SEED_DEMO override the default outside production', () => {
    expect(loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', SEED_DEMO: '0' }).seedDemo).toBe(false);
  });

  it('leaves the session secret to be generated outside production when none is given', () => {
    expect(loadConfig({}).sessionSecret).toBeNull();
  });

  it('converts minutes and hours to milliseconds', () => {
    const config = loadConfig({
      SESSION_IDLE_MINUTES: '30',
      SESSION_MAX_HOURS: '2',
      LOGIN_WINDOW_MINUTES: '5',
    });
    expect(config.sessionIdleMs).toBe(30 * 60_000);
    expect(config.sessionMaxMs).toBe(2 * 3_600_000);
    expect(config.loginWindowMs).toBe(5 * 60_000);
  });

  it('keeps an in-memory database path as it is', () => {
    expect(loadConfig({ DATABASE_PATH: ':memory:' }).databasePath).toBe(':memory:');
  });

  it('returns a frozen object', () => {
    const config = loadConfig({ PORT: '8080' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(config.port).toBe(8080);
  });
});

describe('loadConfig: invalid values', () => {
  it.each(['abc', '70000', '-1', '3.5'])('rejects PORT=%j, naming PORT', (port) => {
    expect(configError(() => loadConfig({ PORT: port }))).toContain('PORT');
  });

  // Regression (was a bug): zod's coerce turns an empty string into 0, so `PORT=` (e.g. an empty line in a .env
  // file) silently means "any free port" instead of an error or the default 3000.
  it('does not turn an empty PORT into port 0', () => {
    let port: number;
    try {
      port = loadConfig({ PORT: '' }).port;
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return;
    }
    expect(port).toBe(3000);
  });

  it('requires SESSION_SECRET in production', () => {
    expect(configError(() => loadConfig({ NODE_ENV: 'production' }))).toContain('SESSION_SECRET');
  });

  it('accepts production with a long enough secret, and never seeds demo data there', () => {
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET });
    expect(config.mode).toBe('production');
    expect(config.sessionSecret).toBe(SECRET);
    expect(config.seedDemo).toBe(false);
  });

  it('refuses SEED_DEMO=true in production', () => {
    const message = configError(() =>
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET, SEED_DEMO: 'true' }),
    );
    expect(message).toContain('SEED_DEMO');
  });

  it('rejects a short SESSION_SECRET', () => {
    expect(configError(() => loadConfig({ SESSION_SECRET: 'short' }))).toContain('SESSION_SECRET');
  });

  it('lists every problem at once', () => {
    const message = configError(() =>
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', NODE_ENV: 'staging' }),
    );
    expect(message).toContain('PORT');
    expect(message).toContain('LOG_LEVEL');
    expect(message).toContain('NODE_ENV');
  });

  it('treats an empty SEED_DEMO as not set', () => {
    expect(loadConfig({ NODE_ENV: 'development', SEED_DEMO: '' }).seedDemo).toBe(true);
  });

  it.each(['yes', 'TRUE'])('rejects SEED_DEMO=%j', (value) => {
    expect(configError(() => loadConfig({ SEED_DEMO: value }))).toContain('SEED_DEMO');
  });

  it('rejects a malformed BODY_LIMIT', () => {
    expect(configError(() => loadConfig({ BODY_LIMIT: 'lots' }))).toContain('BODY_LIMIT');
  });
});

describe('loadConfig: TRUST_PROXY', () => {
  it.each<[string, boolean | number | string]>([
    ['false', false],
    ['', false],
    ['2', 2],
    [' 1 ', 1],
    ['loopback', 'loopback'],
    ['10.0.0.1, 10.0.0.2', '10.0.0.1, 10.0.0.2'],
    ['10.0.0.0/8, loopback, fd00::/8', '10.0.0.0/8, loopback, fd00::/8'],
  ])('parses %j as %j', (raw, expected) => {
    expect(loadConfig({ TRUST_PROXY: raw }).trustProxy).toBe(expected);
  });

  it('refuses true, saying why: any client could choose its address', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY: true would believe any client's X-Forwarded-For .*escape the sign-in throttle.*e\.g\. 1/,
    );
  });

  it('refuses what is neither a hop count nor an address', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.1, proxy.example.com, 10.0.0.0/99' })).toThrow(
      /TRUST_PROXY: not a hop count, address or subnet: "proxy\.example\.com", "10\.0\.0\.0\/99"/,
    );
  });
});

describe('loadConfig: company sign-in', () => {
  const oidc = {
    OIDC_ISSUER: 'https://id.example.com/realms/acme',
    OIDC_CLIENT_ID: 'firstcall',
    OIDC_CLIENT_SECRET: 's3cret',
    OIDC_REDIRECT_URI: 'https://kb.example.com/api/auth/oidc/callback',
    OIDC_ROLE_MAP: 'kb-agents=agent, kb-admins=admin',
  };
  it('reads the provider, the role map and the display name', () => {
    const c = loadConfig({ ...oidc, OIDC_DISPLAY_NAME: 'Acme SSO' });
    expect(c.oidc).toMatchObject({
      issuer: oidc.OIDC_ISSUER,
      displayName: 'Acme SSO',
      groupsClaim: 'groups',
    });
    expect([...c.oidc!.roleMap]).toEqual([
      ['kb-agents', 'agent'],
      ['kb-admins', 'admin'],
    ]);
    expect(loadConfig({}).oidc).toBeNull();
  });
  it('lists what is missing or wrong', () => {
    expect(() => loadConfig({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(
      /missing OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI/,
    );
    expect(() => loadConfig({ ...oidc, OIDC_ROLE_MAP: 'kb-agents=boss' })).toThrow(
      /OIDC_ROLE_MAP: "kb-agents=boss" is not group=role/,
    );
    expect(() => loadConfig({ ...oidc, OIDC_ROLE_MAP: '' })).toThrow(
      /OIDC_ROLE_MAP: required with OIDC/,
    );
    expect(() => loadConfig({ LOCAL_LOGIN: 'false' })).toThrow(
      /LOCAL_LOGIN: false needs the company sign-in/,
    );
    expect(loadConfig({ ...oidc, LOCAL_LOGIN: 'false' }).localLogin).toBe(false);
  });
});
