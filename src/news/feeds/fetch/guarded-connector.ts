import { lookup as systemLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import { buildConnector } from 'undici';
import { isAllowlistedHost, isPublicAddress, normalizeHost } from './address-policy';
import { FetchFailure } from './fetch-failure';

export interface GuardedConnectorOptions {
  /** No connection within this many ms: `timeout` (DNS included). */
  connectTimeoutMs: number;
  /** Hosts whose address is not checked (NEWS_FEED_ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
  /** How names resolve; null: the system's. */
  lookup: LookupFunction | null;
  /**
   * Refuse an IP-literal host or a name whose DNS answer is not public before connecting (true,
   * the default: a refused address is never even knocked on). The socket check after connecting
   * runs either way; tests switch this off to prove that check alone holds.
   */
  checkBeforeConnecting?: boolean;
}

/**
 * undici's connector, checked. The address a socket actually connected to (TLS: after the
 * handshake, before a single byte of HTTP) must be public unicast, unless the URL's host is on
 * the allowlist: undici skips a custom `lookup` for IP-literal hosts, so only the socket's
 * `remoteAddress` is the truth, for every connection the dispatcher opens (every redirect hop,
 * and after DNS changed its answer: rebinding). Before that, an IP literal or a DNS answer that
 * is not public is refused without connecting at all (a metadata address that would only time
 * out is refused at once).
 */
export function guardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const early = options.checkBeforeConnecting ?? true;
  const base = options.lookup ?? (systemLookup as LookupFunction);
  const connectChecked = buildConnector({
    timeout: options.connectTimeoutMs,
    lookup: early ? refusingLookup(base, options.allowedHosts) : base,
  });
  const connectAllowlisted = buildConnector({ timeout: options.connectTimeoutMs, lookup: base });

  return (target, callback) => {
    const host = normalizeHost(target.hostname);
    const allowlisted = isAllowlistedHost(host, options.allowedHosts);
    if (!allowlisted && early && isIP(host) && !isPublicAddress(host)) {
      return void callback(new FetchFailure('refused_address', host), null);
    }
    const connect = allowlisted ? connectAllowlisted : connectChecked;
    const socket = (connect as ReturningConnector)(target, (error, connected) => {
      if (error || !connected) return callback(error ?? new Error('no socket'), null);
      if (!allowlisted && !isPublicAddress(connected.remoteAddress)) {
        connected.destroy();
        return callback(new FetchFailure('refused_address', host), null);
      }
      callback(null, connected);
    });
    // TLS: the callback above comes after the handshake; check as soon as TCP is connected, so
    // a refused address gets no ClientHello and a bad certificate there is still "refused".
    if (!allowlisted && socket && target.protocol === 'https:') {
      socket.once('connect', () => {
        if (!isPublicAddress(socket.remoteAddress)) {
          socket.destroy(new FetchFailure('refused_address', host));
        }
      });
    }
  };
}

/** undici's connector returns the socket it opens (its type says void). */
type ReturningConnector = (
  options: buildConnector.Options,
  callback: buildConnector.Callback,
) => Socket | undefined;

/**
 * A lookup that keeps only public addresses of a name (the host not being on the allowlist:
 * `connectChecked` is only used for those); none left: `refused_address`.
 */
function refusingLookup(base: LookupFunction, allowedHosts: readonly string[]): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    base(hostname, lookupOptions, ((
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => {
      if (error || isAllowlistedHost(hostname, allowedHosts)) {
        return (callback as (...args: unknown[]) => void)(error, address, family);
      }
      if (Array.isArray(address)) {
        const kept = address.filter((a) => isPublicAddress(a.address));
        if (kept.length === 0)
          return callback(new FetchFailure('refused_address', normalizeHost(hostname)), '', 4);
        return (callback as (...args: unknown[]) => void)(null, kept);
      }
      if (!isPublicAddress(address)) {
        return callback(new FetchFailure('refused_address', normalizeHost(hostname)), '', 4);
      }
      callback(null, address, family ?? 4);
    }) as Parameters<LookupFunction>[2]);
  };
}
