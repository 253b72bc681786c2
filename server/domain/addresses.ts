import net from 'node:net';

/** Link-local (cloud metadata at 169.254.169.254 among them): refused whatever the settings. */
const LINK_LOCAL = new net.BlockList();
LINK_LOCAL.addSubnet('169.254.0.0', 16, 'ipv4');
LINK_LOCAL.addSubnet('fe80::', 10, 'ipv6');

/** Loopback, private, shared and otherwise non-public ranges: refused unless allowed. */
const PRIVATE = new net.BlockList();
for (const [ip, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(ip, bits, 'ipv4');
for (const [ip, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(ip, bits, 'ipv6');

/** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is. */
function unmapped(address: string): { ip: string; family: 'ipv4' | 'ipv6' } {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (m) return { ip: m[1]!, family: 'ipv4' };
  return { ip: address, family: net.isIPv6(address) ? 'ipv6' : 'ipv4' };
}

/**
 * Why an outgoing request to `address` is refused (SSRF: a webhook must not reach the
 * machine's own services or the internal network), or null when it may go.
 */
export function refusedAddress(address: string, allowPrivate: boolean): string | null {
  const { ip, family } = unmapped(address);
  if (LINK_LOCAL.check(ip, family)) return `${address} is a link-local address`;
  if (!allowPrivate && PRIVATE.check(ip, family))
    return `${address} is a loopback or private address (set WEBHOOK_ALLOW_PRIVATE=true to allow it)`;
  return null;
}
