import type { Customer, CustomerChange } from '../services/customer-service';
import { formatTime } from './voipbin-time';

/** A customer in VoIPBIN's shape; webhook_secret only in the answer that set a new webhook_uri. */
export const presentCustomer = (customer: Customer, webhookSecret?: string) => ({
  id: customer.id,
  name: customer.name,
  detail: customer.detail,
  email: customer.email,
  phone_number: customer.phoneNumber,
  address: customer.address,
  webhook_method: customer.webhook?.method ?? '',
  webhook_uri: customer.webhook?.uri ?? '',
  ...(webhookSecret ? { webhook_secret: webhookSecret } : {}),
  status: customer.tmDelete ? 'deleted' : 'active',
  tm_create: formatTime(customer.tmCreate),
  tm_update: formatTime(customer.tmUpdate),
  tm_delete: formatTime(customer.tmDelete),
});

export const presentCustomerChange = (change: CustomerChange) => presentCustomer(change.customer, change.webhookSecret);
