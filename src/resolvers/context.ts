import type { CallLoaders } from './call-loaders';
import type { Services } from '../services/services';

/** What every resolver gets: the caller's customer, the services, and per-request loaders. */
export interface GraphqlContext {
  customerId: string;
  requestId: string;
  services: Services;
  loaders: CallLoaders;
}
