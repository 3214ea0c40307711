import type { Call } from '../domain/call';
import { normalizeCalledNumber } from '../domain/called-number';
import type { Logger } from '../platform/logger';
import type { ChannelState } from '../telephony/media-server';
import type { CallRepository } from './call-repository';
import { isUuid } from './ids';
import type { NumberService } from './number-service';

/** A channel that entered Stasis from outside: someone calls one of the customers' numbers. */
export interface IncomingChannel {
  channelId: string;
  state: ChannelState;
  callerNumber: string;
  calledNumber: string;
}

export type IncomingOutcome = { type: 'created'; call: Call } | { type: 'rejected'; reason: string };

export interface CreateIncomingDeps {
  calls: CallRepository;
  numbers: Pick<NumberService, 'incomingRoute'>;
  logger: Logger;
}

/**
 * An incoming call: found by the called number (across customers: the call belongs to the
 * number's customer), with the number's flow, created with its call_created event in one
 * statement. The call's id is the channel's, as for outgoing calls. Nothing is stored when the
 * number is unknown or has no flow; the caller is then refused (the caller of this function
 * hangs the channel up).
 */
export function createIncomingUseCase({ calls, numbers, logger }: CreateIncomingDeps) {
  return async function createIncoming(channel: IncomingChannel): Promise<IncomingOutcome> {
    // Call ids are UUIDs; the simulator's channels have them, Asterisk's own ("1795462354.30") do not.
    if (!isUuid(channel.channelId)) return { type: 'rejected', reason: 'the channel id is not a UUID, so it cannot be a call id' };
    const called = normalizeCalledNumber(channel.calledNumber);
    if (!called) return { type: 'rejected', reason: 'the called number is not a phone number' };
    const route = await numbers.incomingRoute(called);
    if (!route) return { type: 'rejected', reason: 'no customer holds the called number, or it has no flow' };
    const [created] = await calls.insert(
      [
        {
          id: channel.channelId.toLowerCase(),
          customerId: route.customerId,
          flowId: route.flowId,
          type: 'flow',
          direction: 'incoming',
          source: { type: 'tel', target: channel.callerNumber, target_name: '', name: '', detail: '' },
          destination: { type: 'tel', target: called, target_name: '', name: '', detail: '' },
          masterCallId: null,
          earlyExecution: false,
          dialTimeoutMs: 0,
          status: channel.state === 'up' ? 'progressing' : 'ringing',
        },
      ],
      null,
    );
    const call = created ?? (await calls.findById(channel.channelId));
    if (!call) return { type: 'rejected', reason: 'the call could not be stored' };
    logger.info({ callId: call.id, customerId: call.customerId, numberId: route.numberId, flowId: route.flowId }, 'incoming call');
    return { type: 'created', call };
  };
}
