import { randomUUID } from 'node:crypto';
import type { Call } from '../domain/call';
import { normalizeCalledNumber } from '../domain/called-number';
import type { Logger } from '../platform/logger';
import type { ChannelState } from '../telephony/media-server';
import type { CallRepository } from '../persistence/call-repository';
import { isUuid } from './ids';
import type { NumberService } from './number-service';

/** A channel that entered Stasis from outside: someone calls one of the customers' numbers. */
export interface IncomingChannel {
  channelId: string;
  state: ChannelState;
  callerNumber: string;
  calledNumber: string;
  /** The media server it arrived on (null: the only one); the call stays there. */
  mediaServer?: string | null;
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
 * statement. The call's id is the channel's when that is a UUID (as for outgoing calls, and the
 * simulator's channels); Asterisk's own ids ("1795462354.30") are kept as its channel_id and the
 * call gets a fresh UUID. Nothing is stored when the
 * number is unknown or has no flow; the caller is then refused (the caller of this function
 * hangs the channel up).
 */
export function createIncomingUseCase({ calls, numbers, logger }: CreateIncomingDeps) {
  return async function createIncoming(channel: IncomingChannel): Promise<IncomingOutcome> {
    const called = normalizeCalledNumber(channel.calledNumber);
    if (!called) return { type: 'rejected', reason: 'the called number is not a phone number' };
    const route = await numbers.incomingRoute(called);
    if (!route) return { type: 'rejected', reason: 'no customer holds the called number, or it has no flow' };
    const ownId = isUuid(channel.channelId);
    const [created] = await calls.insert(
      [
        {
          id: ownId ? channel.channelId.toLowerCase() : randomUUID(),
          ...(ownId ? {} : { channelId: channel.channelId }),
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
          mediaServer: channel.mediaServer ?? null,
        },
      ],
      null,
    );
    const call = created ?? (await calls.findByChannel(channel.channelId));
    if (!call) return { type: 'rejected', reason: 'the call could not be stored' };
    logger.info({ callId: call.id, customerId: call.customerId, numberId: route.numberId, flowId: route.flowId }, 'incoming call');
    return { type: 'created', call };
  };
}
