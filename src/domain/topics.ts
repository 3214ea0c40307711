import { invalidArgument } from './errors';
import { RESOURCE_TYPES } from './events/event-types';

/**
 * WebSocket topics: `customer_id:<id>[:<resource>[:<resource id>]]`. A topic is a prefix of the
 * topics it covers; a trailing `*` means the same (`…:call:*` covers every call).
 */
export interface TopicPattern {
  customerId: string;
  /** What the event's topic must start with. */
  prefix: string;
}

const TOPIC = /^customer_id:([0-9a-f-]{36})(?::([a-z_]+)(?::([0-9a-f-]{36}|\*))?)?(:?\*)?$/i;

export function parseTopic(topic: unknown): TopicPattern {
  if (typeof topic !== 'string' || topic.length > 200) throw invalidArgument('topics', 'each topic must be a string');
  const match = TOPIC.exec(topic);
  if (!match) throw invalidArgument('topics', `'${topic.slice(0, 80)}' is not customer_id:<id>[:<resource>[:<id>|*]]`);
  const resource = match[2]?.toLowerCase();
  // A resource no event is about would cover nothing, silently: refuse it by name.
  if (resource !== undefined && !(RESOURCE_TYPES as readonly string[]).includes(resource)) {
    throw invalidArgument('topics', `'${resource}' is not a resource with events (${RESOURCE_TYPES.join(', ')})`);
  }
  const prefix = topic.replace(/\*$/, '').replace(/:$/, '');
  return { customerId: (match[1] as string).toLowerCase(), prefix: prefix.toLowerCase() };
}

/** The topic an event is published under. */
export const topicOf = (customerId: string, resourceType: string, resourceId: string): string =>
  `customer_id:${customerId}:${resourceType}:${resourceId}`.toLowerCase();

export const covers = (pattern: TopicPattern, topic: string): boolean =>
  topic === pattern.prefix || topic.startsWith(`${pattern.prefix}:`);
