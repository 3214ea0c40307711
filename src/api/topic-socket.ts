import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { AppError } from '../domain/errors';
import { covers, parseTopic, topicOf, type TopicPattern } from '../domain/topics';
import type { EventRecord } from '../events/event-record';
import { credentialOf } from '../platform/credentials';
import type { Logger } from '../platform/logger';
import { presentEventData } from '../rest/event-data.presenter';
import type { Services } from '../services/services';
import { requestIdOf } from './request-id';

const MAX_MESSAGE_BYTES = 64 * 1024;
const MAX_TOPICS = 100;

/**
 * VoIPBIN's `/v1.0/ws`: a client subscribes to topics of its own customer and receives each
 * matching event once, as `{"type", "topic", "sequence", "data"}` with data in the REST shape.
 */
export function createTopicSocket(services: Services, logger: Logger) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  function serve(ws: WebSocket, customerId: string): void {
    const patterns = new Map<string, TopicPattern>();
    const send = (message: unknown) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(message));
    const deliver = (event: EventRecord) => {
      const topic = topicOf(event.customerId, event.resourceType, event.resourceId);
      if (![...patterns.values()].some((pattern) => covers(pattern, topic))) return;
      send({ type: event.type, topic, sequence: event.sequence, data: presentEventData(event, services.recordings) });
    };
    const subscription = services.bus.subscribe(customerId, deliver);
    ws.on('close', () => void subscription.then((unsubscribe) => unsubscribe()));
    ws.on('error', (error) => logger.debug({ err: error }, 'topic socket error'));
    ws.on('message', (raw) => {
      try {
        applyMessage(raw.toString(), customerId, patterns);
        send({ type: 'subscribed', topics: [...patterns.keys()] });
      } catch (error) {
        const message = error instanceof AppError ? error.message : 'The message could not be understood.';
        send({ type: 'error', message });
        if (error instanceof AppError && error.code === 'PERMISSION_DENIED') ws.close(4403, 'topic of another customer');
      }
    });
  }

  return {
    async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
      const principal = await services.auth.authenticate(credentialOf(req.headers, req.url)).catch(() => null);
      if (!principal) {
        const id = requestIdOf(req.headers['x-request-id']);
        const body = JSON.stringify({ error: { status: 'UNAUTHENTICATED', reason: 'UNAUTHENTICATED', message: 'A valid access key is required.', request_id: id } });
        socket.end(`HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nX-Request-Id: ${id}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => serve(ws, principal.customerId));
    },
    close(): void {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

/** Applies a subscribe/unsubscribe message to the connection's topics, or refuses it whole. */
function applyMessage(text: string, customerId: string, patterns: Map<string, TopicPattern>): void {
  let message: { type?: unknown; topics?: unknown };
  try {
    message = JSON.parse(text) as typeof message;
  } catch {
    throw new AppError('INVALID_ARGUMENT', 'The message is not JSON.');
  }
  if (message?.type !== 'subscribe' && message?.type !== 'unsubscribe') {
    throw new AppError('INVALID_ARGUMENT', "type: must be 'subscribe' or 'unsubscribe'");
  }
  if (!Array.isArray(message.topics) || message.topics.length > MAX_TOPICS) {
    throw new AppError('INVALID_ARGUMENT', `topics: must be a list of at most ${MAX_TOPICS} topics`);
  }
  const parsed = message.topics.map((topic) => [topic as string, parseTopic(topic)] as const);
  if (parsed.some(([, pattern]) => pattern.customerId !== customerId)) {
    throw new AppError('PERMISSION_DENIED', 'topics: a topic names another customer');
  }
  for (const [topic, pattern] of parsed) {
    if (message.type === 'subscribe') patterns.set(topic, pattern);
    else patterns.delete(topic);
  }
}
