import type { Groupcall as DomainGroupcall } from '../domain/groupcall';
import type { EventRecord } from '../events/event-record';
import { callFromRow } from '../services/call-row';
import { groupcallFromRow } from '../services/groupcall-row';
import type { AnswerMethodEnum, GroupcallStatusEnum, RingMethodEnum } from '../schema/groupcall.enum';
import type { Groupcall, GroupcallEvent } from '../schema/groupcall.type';
import { toGraphqlCall } from './call.mapper';
import { toGraphqlAddress, toGraphqlEventFields } from './event.mapper';

export const toGraphqlGroupcall = (groupcall: DomainGroupcall): Groupcall => ({
  id: groupcall.id,
  status: groupcall.status as GroupcallStatusEnum,
  source: toGraphqlAddress(groupcall.source),
  destinations: groupcall.destinations.map(toGraphqlAddress),
  ringMethod: groupcall.ringMethod as RingMethodEnum,
  answerMethod: groupcall.answerMethod as AnswerMethodEnum,
  flowId: groupcall.flowId,
  answerCallId: groupcall.answerCallId,
  answerGroupcallId: groupcall.answerGroupcallId,
  callIds: groupcall.callIds,
  callCount: groupcall.callCount,
  dialIndex: groupcall.dialIndex,
  dialTimeout: groupcall.dialTimeoutMs,
  masterGroupcallId: groupcall.masterGroupcallId,
  masterCallId: groupcall.masterCallId,
  groupcallIds: groupcall.groupcallIds,
  groupcallCount: groupcall.groupcallCount,
  createdAt: groupcall.tmCreate,
  updatedAt: groupcall.tmUpdate,
  hangupAt: groupcall.tmHangup,
});

/** A groupcall's event or one of its legs' call events, with the snapshot it carries. */
export const toGraphqlGroupcallEvent = (event: EventRecord): GroupcallEvent => ({
  ...toGraphqlEventFields(event),
  resourceType: event.resourceType,
  groupcall: event.resourceType === 'groupcall' ? toGraphqlGroupcall(groupcallFromRow(event.payload)) : null,
  call: event.resourceType === 'call' ? toGraphqlCall(callFromRow(event.payload)) : null,
});
