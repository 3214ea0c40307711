import type { EventBus } from '../events/event-bus';
import type { AccessKeyService } from './access-key-service';
import type { ActiveflowService } from './activeflow-service';
import type { AuthService } from './auth-service';
import type { CallService } from './call-service';
import type { CustomerService } from './customer-service';
import type { EventService } from './event-service';
import type { FlowService } from './flow-service';
import type { GroupcallService } from './groupcall-service';
import type { NumberService } from './number-service';
import type { MediaControlService } from './media-control-service';
import type { RecordingService } from './recording-service';
import type { ProviderCallService } from './provider-call-service';
import type { RoutingService } from './routing-service';
import type { TransferService } from './transfer-service';
import type { UserService } from './user-service';
import type { WebhookService } from './webhook-service';

/** The services a surface (GraphQL, REST) works through. */
export interface Services {
  auth: AuthService;
  accessKeys: AccessKeyService;
  customers: CustomerService;
  users: UserService;
  calls: CallService;
  groupcalls: GroupcallService;
  media: MediaControlService;
  events: EventService;
  activeflows: ActiveflowService;
  flows: FlowService;
  numbers: NumberService;
  bus: EventBus;
  recordings: RecordingService;
  webhooks: WebhookService;
  transfers: TransferService;
  routing: RoutingService;
  providerCalls: ProviderCallService;
}
