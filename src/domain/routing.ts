import { invalidArgument } from './errors';
import type { SipHeaders } from './sip-headers';

/** A route's destination: `all`, or the leading digits of the E.164 number (`1`, `4420` …). */
export const ALL_TARGETS = 'all';
const PREFIX = /^\+?(\d{1,15})$/;
const PLACEHOLDER = '{target}';

/** A route's `target` as stored: `all`, or digits without the `+`. 400 naming the field otherwise. */
export function parseRouteTarget(value: unknown, field = 'target'): string {
  if (value === ALL_TARGETS) return ALL_TARGETS;
  const digits = typeof value === 'string' ? PREFIX.exec(value)?.[1] : undefined;
  if (!digits) throw invalidArgument(field, `must be "${ALL_TARGETS}" or the leading digits of a number (1 to 15 digits, "+" optional)`);
  return digits;
}

/** A provider's endpoint template: `Technology/…` holding `{target}` once or more. */
export function parseEndpointTemplate(value: unknown, field = 'endpoint'): string {
  if (typeof value !== 'string' || value.length > 500 || !/^[A-Za-z][A-Za-z0-9_]*\/\S+$/.test(value) || !value.includes(PLACEHOLDER)) {
    throw invalidArgument(field, `must be an endpoint template such as "PJSIP/${PLACEHOLDER}@carrier" (a technology, "/", and "${PLACEHOLDER}" where the number goes)`);
  }
  return value;
}

/** The endpoint VoIPBIN's provider fields describe: the number between the tech prefix and postfix, at the host. */
export const endpointOfHost = (hostname: string, techPrefix: string, techPostfix: string): string =>
  `PJSIP/${techPrefix}${PLACEHOLDER}${techPostfix}@${hostname}`;

/** The dialled endpoint of a template for a target. */
export const fillEndpoint = (template: string, target: string): string => template.split(PLACEHOLDER).join(target);

/** A route as the choice reads it. `customerId` null: a default route, for every customer. */
export interface RouteCandidate {
  customerId: string | null;
  target: string;
  priority: number;
  providerId: string;
  providerName: string;
  endpoint: string;
  techHeaders: SipHeaders;
  codecs: string;
}

/** One provider a call will try, in order (kept on the call as its route plan). */
export interface PlannedProvider {
  providerId: string;
  providerName: string;
  /** The provider's endpoint template when the call was made. */
  endpoint: string;
  /** The provider's SIP headers and codecs when the call was made (sent on its attempt). */
  techHeaders: SipHeaders;
  codecs: string;
}

const matches = (target: string, number: string): boolean => target === ALL_TARGETS || number.startsWith(target);
const specificity = (target: string): number => (target === ALL_TARGETS ? 0 : target.length);

/**
 * The providers an outgoing tel call to `number` tries, in order: among the customer's own
 * routes whose target matches, the longest target (`all` the shortest); only when none of the
 * customer's matches, the same among the default routes. The routes of the chosen target give
 * one provider each, by priority (then age, as listed). [] when nothing matches: the call goes
 * out through the single default provider (ARI_ENDPOINT_TEL).
 */
export function planRoute(routes: readonly RouteCandidate[], customerId: string, number: string): PlannedProvider[] {
  const digits = number.replace(/^\+/, '');
  for (const owner of [customerId, null]) {
    const matching = routes.filter((route) => route.customerId === owner && matches(route.target, digits));
    if (matching.length === 0) continue;
    const best = Math.max(...matching.map((route) => specificity(route.target)));
    const chosen = matching.filter((route) => specificity(route.target) === best);
    const ordered = chosen.map((route, index) => ({ route, index })).sort((a, b) => a.route.priority - b.route.priority || a.index - b.index);
    const plan: PlannedProvider[] = [];
    for (const { route } of ordered) {
      // The same provider twice in one target would only repeat a failed attempt.
      if (!plan.some((planned) => planned.providerId === route.providerId)) {
        plan.push({ providerId: route.providerId, providerName: route.providerName, endpoint: route.endpoint, techHeaders: route.techHeaders, codecs: route.codecs });
      }
    }
    return plan;
  }
  return [];
}
