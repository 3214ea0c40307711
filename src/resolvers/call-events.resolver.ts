import { Arg, Ctx, ID, Int, Resolver, Root, Subscription } from 'type-graphql';
import type { EventRecord } from '../events/event-record';
import { openEventStream } from '../events/event-stream';
import { CallEvent } from '../schema/call-event.type';
import type { GraphqlContext } from './context';
import { toGraphqlCallEvent } from './call.mapper';

interface CallEventsArgs {
  callId?: string | null;
  afterSequence?: number | null;
}

/**
 * One call's events (its past ones first, then live, completing after call_hungup), or every
 * event of the caller's calls from now on when no callId is given.
 */
async function subscribeToCallEvents({ args, context }: { args: CallEventsArgs; context: GraphqlContext }) {
  const { services, customerId } = context;
  if (!args.callId) {
    return openEventStream({ bus: services.bus, customerId, accept: (event) => event.resourceType === 'call' });
  }
  const call = await services.calls.get(customerId, args.callId);
  return openEventStream({
    bus: services.bus,
    customerId,
    accept: (event) => event.resourceId === call.id,
    replay: () => services.events.history(customerId, call.id, args.afterSequence ?? 0),
    isLast: (event) => event.type === 'call_hungup',
  });
}

@Resolver()
export class CallEventsResolver {
  @Subscription(() => CallEvent, {
    subscribe: subscribeToCallEvents,
    description: "Changes of one call (replayed from afterSequence, completing after call_hungup), or of all your calls.",
  })
  callEvents(
    @Root() event: EventRecord,
    @Arg('callId', () => ID, { nullable: true }) _callId: string | null,
    @Arg('afterSequence', () => Int, { nullable: true, description: 'Replay only events after this sequence (default 0: all).' })
    _afterSequence: number | null,
    @Ctx() _ctx: GraphqlContext,
  ): CallEvent {
    return toGraphqlCallEvent(event);
  }
}
