/**
 * The sandbox number plan (docs/sandbox.md): what the far end of a dialled target does.
 * The digit after `+1555000` picks the behaviour; any other target (SIP URIs and endpoints too)
 * rings, answers and stays up.
 */
export type FarEndBehaviour = 'busy' | 'ring-forever' | 'give-up' | 'unreachable' | 'out-of-order' | 'answer-then-hangup' | 'voicemail' | 'listen' | 'answer';

const PLAN: Readonly<Record<string, FarEndBehaviour>> = {
  '1': 'busy',
  '2': 'ring-forever',
  '3': 'give-up',
  '4': 'unreachable',
  '5': 'answer-then-hangup',
  '6': 'voicemail',
  '7': 'listen',
};

const SANDBOX_NUMBER = /^\+1555000([1-7])\d{3}$/;

export function farEndOf(target: string): FarEndBehaviour {
  const digit = SANDBOX_NUMBER.exec(target)?.[1];
  return digit ? (PLAN[digit] ?? 'answer') : 'answer';
}

/**
 * The dialled target inside an endpoint: `PJSIP/+15550001234@carrier`, `Local/+1555…@sandbox`,
 * `PJSIP/sipout/sip:alice@example.com` and `PJSIP/alice` give `+15550001234`, `+1555…`, `alice`
 * and `alice`: the part after the technology, past any `sip:`, up to any `@`.
 */
export function targetOf(endpoint: string): string {
  const resource = endpoint.slice(endpoint.indexOf('/') + 1);
  const lastSegment = resource.slice(resource.lastIndexOf('/') + 1).replace(/^sips?:/i, '');
  const at = lastSegment.indexOf('@');
  return at === -1 ? lastSegment : lastSegment.slice(0, at);
}

/**
 * The sandbox's failing providers (docker/asterisk/extensions.conf, docs/routing.md): a Local
 * channel into `[provider-congested]` ends its dial CONGESTION, one into `[provider-down]` is hung
 * up by its far end with cause 38 before it rings (trace failover-congestion-then-answer). Any
 * other endpoint follows the number plan of its target.
 */
export const SANDBOX_PROVIDER_CONTEXTS: Readonly<Record<string, FarEndBehaviour>> = {
  'provider-congested': 'unreachable',
  'provider-down': 'out-of-order',
};

export function farEndOfEndpoint(technology: string, context: string, target: string): FarEndBehaviour {
  const provider = technology.toLowerCase() === 'local' ? SANDBOX_PROVIDER_CONTEXTS[context] : undefined;
  return provider ?? farEndOf(target);
}
