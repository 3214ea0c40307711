import { registerEnumType } from 'type-graphql';

export enum WebhookStatusEnum {
  ACTIVE = 'active',
  DISABLED = 'disabled',
}

registerEnumType(WebhookStatusEnum, { name: 'WebhookStatus', description: 'Only ACTIVE webhooks get deliveries.' });
