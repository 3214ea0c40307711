import { Arg, Ctx, ID, Int, Resolver, Root, Subscription } from 'type-graphql';
import type { EventRecord } from '../events/event-record';
import { openEventStream } from '../events/event-stream';
import { CallEvent } from '../schema/call-event.type';
import type { GraphqlContext } from './context';
import { activeflowOfPayload } from './activeflow.mapper';
import { toGraphqlCall, toGraphqlCallEvent } from './call.mapper';
import { toGraphqlEventFields } from './event.mapper';
import { callFromRow } from '../services/call-row';
import { parseStreamPosition } from '../domain/events/stream-position';

interface CallEventsArgs {
  callId?: string | null;
  afterSequence?: number | null;
  after?: string | null;
}

/**
 * One call's events (its past ones first, then live, completing after call_hungup), or every
 * event of the caller's calls from now on when no callId is given. With `after` (a stream
 * position) both first replay every event after it, the activeflow's included, in position order,
 * so a client that reconnects with the last position it saw misses nothing and gets nothing twice.
 */
async function subscribeToCallEvents({ args, context }: { args: CallEventsArgs; context: GraphqlContext }) {
  const { services, customerId } = context;
  const after = args.after === undefined || args.after === null ? null : parseStreamPosition(args.after);
  if (!args.callId) {
    return openEventStream({
      bus: services.bus,
      customerId,
      accept: (event) => event.resourceType === 'call' || event.resourceType === 'activeflow',
      ...(after === null ? {} : { replay: () => services.events.streamAfter(customerId, after, null) }),
    });
  }
  const call = await services.calls.get(customerId, args.callId);
  return openEventStream({
    bus: services.bus,
    customerId,
    accept: (event) => event.resourceId === call.id || (event.resourceType === 'activeflow' && event.payload.reference_id === call.id),
    replay: () => (after === null ? services.events.history(customerId, call.id, args.afterSequence ?? 0) : services.events.streamAfter(customerId, after, call.id)),
    isLast: (event) => event.type === 'call_hungup',
  });
}

/** Activeflow events carry the activeflow, and the call it runs on as it was at the change (its snapshot). */
async function toCallEvent(event: EventRecord, ctx: GraphqlContext): Promise<CallEvent> {
  if (event.resourceType !== 'activeflow') return toGraphqlCallEvent(event);
  const activeflow = activeflowOfPayload(event.payload);
  const snapshot = event.payload.call as Record<string, unknown> | null | undefined;
  // Events written before snapshots carried the call: the call as it is now.
  const call = snapshot ? callFromRow(snapshot) : await ctx.services.calls.get(ctx.customerId, activeflow.callId);
  return { ...toGraphqlEventFields(event), resourceType: event.resourceType, call: toGraphqlCall(call), activeflow };
}

@Resolver()
export class CallEventsResolver {
  @Subscription(() => CallEvent, {
    subscribe: subscribeToCallEvents,
    description: "Changes of one call and its activeflow (the call's events replayed from afterSequence, completing after call_hungup), or of all your calls.",
  })
  callEvents(
    @Root() event: EventRecord,
    @Arg('callId', () => ID, { nullable: true }) _callId: string | null,
    @Arg('afterSequence', () => Int, { nullable: true, description: 'Replay only events after this sequence (default 0: all).' })
    _afterSequence: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Resume after this stream position (the `position` of the last event received; "0": from the start): every later event, the activeflow\'s included, is replayed first.',
    })
    _after: string | null,
    @Ctx() ctx: GraphqlContext,
  ): Promise<CallEvent> {
    return toCallEvent(event, ctx);
  }
}
