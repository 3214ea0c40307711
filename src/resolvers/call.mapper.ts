import type { Call as DomainCall } from '../domain/call';
import type { EventRecord } from '../events/event-record';
import { toGraphqlAddress, toGraphqlEventFields } from './event.mapper';
import { callFromRow } from '../services/call-row';
import type { Call } from '../schema/call.type';
import type { CallEvent } from '../schema/call-event.type';
import type { MuteDirectionEnum } from '../schema/mute-direction.enum';
import type { CallDirectionEnum, CallStatusEnum, HangupByEnum, HangupReasonEnum } from '../schema/call-status.enum';

export function toGraphqlCall(call: DomainCall): Call {
  return {
    id: call.id,
    type: call.type,
    status: call.status as CallStatusEnum,
    direction: call.direction as CallDirectionEnum,
    source: toGraphqlAddress(call.source),
    destination: toGraphqlAddress(call.destination),
    flowId: call.flowId,
    masterCallId: call.masterCallId,
    groupcallId: call.groupcallId,
    recordingId: call.recordingId,
    recordingIds: call.recordingIds,
    action: call.action,
    earlyExecution: call.earlyExecution,
    dialTimeout: call.dialTimeoutMs,
    hold: call.hold,
    muteDirection: call.muteDirection === '' ? null : (call.muteDirection as MuteDirectionEnum),
    musicOnHold: call.moh,
    silenced: call.silence,
    hangupBy: call.hangupBy as HangupByEnum | null,
    hangupReason: call.hangupReason as HangupReasonEnum | null,
    reactionError: call.reactionError,
    hangupDetail: call.hangupDetail,
    hangupReconciled: call.hangupReconciled,
    attempts: call.attempts.map((attempt) => ({
      providerId: attempt.providerId,
      providerName: attempt.providerName,
      cause: attempt.cause,
      hangupReason: attempt.hangupReason as HangupReasonEnum | null,
      startedAt: attempt.tmStart,
      endedAt: attempt.tmEnd,
    })),
    createdAt: call.tmCreate,
    updatedAt: call.tmUpdate,
    ringingAt: call.tmRinging,
    progressingAt: call.tmProgressing,
    hangupAt: call.tmHangup,
  };
}

export const toGraphqlCallEvent = (event: EventRecord): CallEvent => ({
  ...toGraphqlEventFields(event),
  resourceType: event.resourceType,
  call: toGraphqlCall(callFromRow(event.payload)),
});
