import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { invalidArgument } from '../domain/errors';
import { isPublicAddress } from '../domain/ip-address';

const MAX_URL = 2048;

export const TARGET_REFUSED = 'the host resolves to a private, loopback or link-local address';
/** The refusal as the client reads it: what it is, and the setting that allows it. */
export const TARGET_REFUSED_MESSAGE = `${TARGET_REFUSED} (WEBHOOK_ALLOW_PRIVATE_TARGETS=true allows it, for tests and closed networks)`;

/** A webhook URL's form: absolute http(s), no credentials in it, a host. */
export function parseWebhookUrl(value: unknown, field = 'url'): URL {
  if (typeof value !== 'string' || value.length === 0) throw invalidArgument(field, 'must be an http or https URL');
  if (value.length > MAX_URL) throw invalidArgument(field, `must be at most ${MAX_URL} characters`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidArgument(field, 'must be an http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidArgument(field, 'must be an http or https URL');
  if (url.username || url.password) throw invalidArgument(field, 'must not carry a user name or password');
  if (!url.hostname) throw invalidArgument(field, 'must name a host');
  return url;
}

/** The URL's host without IPv6 brackets, as DNS and isIP want it. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

const resolveAll = (host: string): Promise<LookupAddress[]> =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/** Every address `host` stands for; refused when any of them is internal (unless allowed). */
export async function resolveTarget(host: string, allowPrivate: boolean): Promise<LookupAddress[]> {
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolveAll(host);
  if (!allowPrivate && addresses.some((entry) => !isPublicAddress(entry.address))) throw new Error(TARGET_REFUSED);
  return addresses;
}

/** Checked when a webhook is created or changed: a URL whose host resolves, to public addresses. */
export async function checkWebhookTarget(value: unknown, allowPrivate: boolean, field = 'url'): Promise<string> {
  const url = parseWebhookUrl(value, field);
  try {
    await resolveTarget(hostOf(url), allowPrivate);
  } catch (error) {
    if (error instanceof Error && error.message === TARGET_REFUSED) throw invalidArgument(field, TARGET_REFUSED_MESSAGE);
    throw invalidArgument(field, 'the host cannot be resolved');
  }
  return url.toString();
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that applies the same guard at delivery time and connects to the
 * very addresses it checked, so a DNS answer that changed since (rebinding) cannot slip through.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (host: string, options: { all?: boolean }, callback: LookupCallback): void => {
    resolveTarget(host, allowPrivate).then(
      (addresses) => {
        if (options.all) callback(null, addresses);
        else callback(null, (addresses[0] as LookupAddress).address, (addresses[0] as LookupAddress).family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
