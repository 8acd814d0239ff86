import ipaddr from 'ipaddr.js';

/**
 * Which addresses a feed may be fetched from: public unicast only. The check runs on the address
 * a socket actually connected to (after DNS, on every redirect hop), so neither an IP literal in
 * the URL nor a name that resolves to 127.0.0.1 (or starts doing so: DNS rebinding) gets through.
 */

/**
 * True when `address` is a public unicast address. ipaddr.js's `process()` turns an IPv4-mapped
 * IPv6 address (`::ffff:127.0.0.1`) into the IPv4 it carries; every `range()` other than
 * `'unicast'` is refused: loopback, private, linkLocal, carrierGradeNat, multicast, unspecified,
 * broadcast, reserved, uniqueLocal, the IPv6 translation prefixes (they can carry any IPv4), ...
 * Anything that does not parse is refused too.
 */
export function isPublicAddress(address: string | undefined | null): boolean {
  if (!address) return false;
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return false;
  return ipaddr.process(bare).range() === 'unicast';
}

/**
 * True when `hostname` is on the configured allowlist (NEWS_FEED_ALLOWED_HOSTS): an exact name,
 * `*.name` for every subdomain of it (not the name itself), an IPv4 or a bracketed IPv6.
 */
export function isAllowlistedHost(hostname: string, allowlist: readonly string[]): boolean {
  if (allowlist.length === 0) return false;
  const host = normalizeHost(hostname);
  return allowlist.some((entry) => {
    const wanted = normalizeHost(entry);
    if (wanted.startsWith('*.'))
      return host.endsWith(wanted.slice(1)) && host.length > wanted.length - 1;
    return host === wanted;
  });
}

/** Lowercase, without the brackets of an IPv6 literal and without a trailing dot. */
export function normalizeHost(hostname: string): string {
  return hostname
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}
