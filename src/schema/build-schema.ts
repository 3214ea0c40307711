import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccessKeyResolver } from '../resolvers/access-key.resolver';
import { ActiveflowResolver, CallActiveflowResolver } from '../resolvers/activeflow.resolver';
import { CallEventsResolver } from '../resolvers/call-events.resolver';
import { CallMediaResolver } from '../resolvers/call-media.resolver';
import { CallResolver } from '../resolvers/call.resolver';
import { CustomerResolver } from '../resolvers/customer.resolver';
import { RoutingResolver } from '../resolvers/routing.resolver';
import { ProviderCallResolver } from '../resolvers/provider-call.resolver';
import { FlowResolver } from '../resolvers/flow.resolver';
import { CallGroupcallResolver, GroupcallResolver } from '../resolvers/groupcall.resolver';
import { PhoneNumberResolver } from '../resolvers/phone-number.resolver';
import { CallRecordingsResolver, RecordingResolver } from '../resolvers/recording.resolver';
import { CallTransfersResolver, TransferResolver } from '../resolvers/transfer.resolver';
import { WebhookResolver } from '../resolvers/webhook.resolver';

/** The executable schema; the same one is printed to src/schema/schema.graphql. */
export const buildApiSchema = (): Promise<GraphQLSchema> =>
  buildSchema({
    resolvers: [CallResolver, CallMediaResolver, CallEventsResolver, AccessKeyResolver, CustomerResolver, FlowResolver, PhoneNumberResolver, ActiveflowResolver, CallActiveflowResolver, RecordingResolver, CallRecordingsResolver, WebhookResolver, GroupcallResolver, CallGroupcallResolver, TransferResolver, CallTransfersResolver, RoutingResolver, ProviderCallResolver],
    validate: false,
    // Every subscription here brings its own `subscribe` (scoped to the caller's customer, with
    // history replay), so type-graphql's topic pubsub is never used; it only insists one exists.
    pubSub: {
      publish: () => {
        throw new Error('publish through the outbox, not the GraphQL pubsub');
      },
      subscribe: () => {
        throw new Error('subscriptions define their own subscribe');
      },
    },
    emitSchemaFile: false,
  });
