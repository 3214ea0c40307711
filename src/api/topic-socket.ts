import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { AppError, invalidArgument } from '../domain/errors';
import { knownError } from '../platform/known-error';
import { coalescedSender } from './coalesced-socket';
import { closeFor, answerOnSocket } from './socket-errors';
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

  function serve(ws: WebSocket, stream: Duplex, customerId: string): void {
    const patterns = new Map<string, TopicPattern>();
    const sendFrame = coalescedSender(ws, stream);
    // Nothing waits for a frame here; a write that fails closes the socket, which ends the subscription.
    const send = (message: unknown) => void sendFrame(JSON.stringify(message)).catch(() => undefined);
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
        const known = knownError(error) ?? new AppError('MALFORMED_REQUEST', 'The message could not be understood.');
        send({ type: 'error', code: known.code, message: known.message });
        if (known.code === 'PERMISSION_DENIED') closeFor(ws, known);
      }
    });
  }

  return {
    async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
      let customerId: string;
      try {
        customerId = (await services.auth.authenticate(credentialOf(req.headers, req.url))).customerId;
      } catch (error) {
        if (!knownError(error)) logger.error({ err: error }, 'unexpected error authenticating a topic socket');
        answerOnSocket(socket, error, requestIdOf(req.headers['x-request-id']));
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => serve(ws, socket, customerId));
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
    throw new AppError('MALFORMED_REQUEST', 'The message is not JSON.');
  }
  if (message?.type !== 'subscribe' && message?.type !== 'unsubscribe') {
    throw invalidArgument('type', "must be 'subscribe' or 'unsubscribe'");
  }
  if (!Array.isArray(message.topics) || message.topics.length > MAX_TOPICS) {
    throw invalidArgument('topics', `must be a list of at most ${MAX_TOPICS} topics`);
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
