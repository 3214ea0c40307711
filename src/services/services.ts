import type { EventBus } from '../events/event-bus';
import type { AccessKeyService } from './access-key-service';
import type { AuthService } from './auth-service';
import type { CallRepository } from './call-repository';
import type { CallService } from './call-service';
import type { CustomerService } from './customer-service';
import type { EventRepository } from './event-repository';
import type { UserService } from './user-service';
import type { WebhookService } from './webhook-service';

/** The services a surface (GraphQL, REST) works through. */
export interface Services {
  auth: AuthService;
  accessKeys: AccessKeyService;
  customers: CustomerService;
  users: UserService;
  calls: CallService;
  callRepository: CallRepository;
  events: EventRepository;
  bus: EventBus;
  webhooks: WebhookService;
}
