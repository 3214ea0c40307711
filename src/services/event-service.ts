import type { PrismaClient } from '../persistence/database';
import { createEventRepository } from '../persistence/event-repository';

/** The event history and stream replays, for GraphQL and REST. */
export function createEventService(prisma: PrismaClient) {
  const events = createEventRepository(prisma);
  return { history: events.history, historyOfMany: events.historyOfMany, streamAfter: events.streamAfter };
}

export type EventService = ReturnType<typeof createEventService>;
