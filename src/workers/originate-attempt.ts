import type { Call } from '../domain/call';
import { mediaDialTimeoutSeconds } from '../domain/dial-timeout';
import type { CallLookups } from '../services/call-service';
import { dialOfAttempt, type EndpointTemplates } from '../telephony/endpoint';
import type { MediaServer } from '../telephony/media-server';

export interface OriginateAttemptDeps {
  calls: Pick<CallLookups, 'findById'>;
  media: Pick<MediaServer, 'originate'>;
  endpoints: EndpointTemplates;
}

/**
 * Makes the channel of a call's current attempt: the first (the telephony worker's originate job)
 * or the next provider's after a failover (the failover-dial reaction). Re-reads the call, so a
 * repeat does no harm: a call no longer dialing, or whose end was asked for, gets no channel; a
 * channel already made is left to its StasisStart (the adapter ignores the duplicate id).
 * Answers false when the call does not exist.
 */
export function createAttemptOriginator({ calls, media, endpoints }: OriginateAttemptDeps) {
  return async function originateAttempt(callId: string): Promise<boolean> {
    const call = await calls.findById(callId);
    if (!call) return false;
    await originateAttemptOf({ media, endpoints }, call);
    return true;
  };
}

/**
 * The channel of the attempt of `call` as it is now (read just before, or just committed): none
 * for a call no longer dialing, or whose end was asked for.
 */
export async function originateAttemptOf({ media, endpoints }: Omit<OriginateAttemptDeps, 'calls'>, call: Call): Promise<void> {
  if (call.status !== 'dialing' || call.hangupRequest) return;
  await media.originate({
    channelId: call.channelId,
    ...dialOfAttempt(call, endpoints),
    callerId: call.source.target,
    callerName: call.source.name,
    timeoutSeconds: mediaDialTimeoutSeconds(call.dialTimeoutMs),
  });
  // A hangup that ran while the channel was being made found nothing to end and ended the
  // call; the channel's first ringing or answer then finds the call gone and hangs it up.
}

export type AttemptOriginator = ReturnType<typeof createAttemptOriginator>;
