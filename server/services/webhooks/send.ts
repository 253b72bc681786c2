import crypto from 'node:crypto';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { refusedAddress } from '../../domain/addresses';

export class RefusedAddressError extends Error {}

/** `sha256=` and the hex HMAC-SHA256, keyed with the webhook's secret, of "<timestamp>.<body>". */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Every address `host` resolves to must be allowed, or none is used. */
export async function checkHost(host: string, allowPrivate: boolean): Promise<void> {
  const bare = host.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(bare)
    ? [bare]
    : (await dns.promises.lookup(bare, { all: true })).map((a) => a.address);
  for (const address of addresses) {
    const why = refusedAddress(address, allowPrivate);
    if (why) throw new RefusedAddressError(why);
  }
}

/**
 * The connection's own lookup, vetted: the address checked is the address connected to, so a
 * name that resolves to a public address when registered and to a private one later (DNS
 * rebinding) is refused when it is sent.
 */
function vettedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      for (const a of list) {
        const why = refusedAddress(a.address, allowPrivate);
        if (why) return callback(new RefusedAddressError(why), '', 0);
      }
      if (options.all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

export interface SendResult {
  status: number;
}

/** POSTs `body` to `url`, signed; resolves with the status, rejects on a network failure or timeout. */
export async function postSigned(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { secret: string; allowPrivate: boolean; timeoutMs: number },
): Promise<SendResult> {
  const target = new URL(url);
  // an address literal never goes through lookup: it is checked here; a name is on connecting
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(literal)) await checkHost(literal, opts.allowPrivate);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        lookup: vettedLookup(opts.allowPrivate),
        timeout: opts.timeoutMs,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'User-Agent': 'Firstcall-Webhooks/1',
          'X-Firstcall-Timestamp': timestamp,
          'X-Firstcall-Signature': signature(opts.secret, timestamp, body),
          ...headers,
        },
      },
      (res) => {
        res.resume(); // the answer's body is not kept
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}
