/**
 * The sandbox number plan (docs/sandbox.md): what the far end of a dialled target does.
 * The 8th character of an E.164 `+1555000N…` target picks the behaviour; anything else answers.
 */
export type FarEnd = 'busy' | 'ring-forever' | 'give-up' | 'unreachable' | 'answer-then-hangup' | 'voicemail' | 'answer';

const PLAN: Readonly<Record<string, FarEnd>> = {
  '1': 'busy',
  '2': 'ring-forever',
  '3': 'give-up',
  '4': 'unreachable',
  '5': 'answer-then-hangup',
  '6': 'voicemail',
};

export function farEndOf(target: string): FarEnd {
  const match = /^\+1555000([1-6])\d{3}$/.exec(target);
  return match ? (PLAN[match[1] as string] as FarEnd) : 'answer';
}

/**
 * The dialled target inside an Asterisk endpoint: `PJSIP/+15550001234@carrier`,
 * `PJSIP/sipout/sip:alice@example.com`, `Local/+1555…@sandbox`, `PJSIP/alice` → the user part.
 */
export function targetOf(endpoint: string): string {
  const resource = endpoint.slice(endpoint.indexOf('/') + 1);
  const last = resource.slice(resource.lastIndexOf('/') + 1).replace(/^sips?:/, '');
  return last.split('@')[0] ?? last;
}
