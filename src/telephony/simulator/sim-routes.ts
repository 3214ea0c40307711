import { Router, type Request } from 'express';
import { NORMAL_CLEARING } from './causes';
import { createIncoming } from './channel-creation';
import type { EventHub } from './event-hub';
import { noContent, pathParam } from './http-params';
import type { Sandbox } from './sandbox';
import { badRequest, channelNotFound, SimError } from './sim-error';

const DTMF = /^[0-9A-D*#]{1,100}$/i;
const DEFAULT_DTMF_MS = 100;
/** An incoming channel id chosen by the test: Asterisk's own form ("1795462354.30") or any other. */
const CHANNEL_ID = /^[A-Za-z0-9._-]{1,128}$/;

interface Address {
  type?: unknown;
  target?: unknown;
}

const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>;

function targetOf(address: unknown, field: string): string {
  const target = (address as Address | undefined)?.target;
  if (typeof target !== 'string' || target.trim() === '') throw badRequest(`${field}.target: required`);
  return target.trim();
}

/** The control surface: tests and people play the far end here, and read what it experienced. */
export function simRoutes(sandbox: Sandbox, hub: EventHub): Router {
  const { channels, farEnd } = sandbox;
  const router = Router();

  router.post('/calls', (req, res) => {
    const source = targetOf(body(req).source, 'source');
    const destination = targetOf(body(req).destination, 'destination');
    const wanted = body(req).app;
    const channelId = body(req).channel_id;
    if (channelId !== undefined && (typeof channelId !== 'string' || !CHANNEL_ID.test(channelId))) throw badRequest('channel_id: 1 to 128 of A-Z a-z 0-9 . _ -');
    const connected = hub.connectedApps();
    const app = typeof wanted === 'string' ? wanted : connected[0];
    if (!app || !connected.includes(app)) throw new SimError(404, 'No Stasis application is connected to take the call');
    const channel = createIncoming(channels, app, source, destination, channelId);
    channels.enterStasis(channel, 'start-only');
    res.status(201).json({ channel_id: channel.id });
  });

  router.get('/channels', (_req, res) => void res.json([...channels.records.values()]));
  router.get('/channels/:channelId', (req, res) => {
    const record = channels.records.get(pathParam(req, 'channelId'));
    if (!record) throw channelNotFound();
    res.json(record);
  });

  router.post('/channels/:channelId/answer', (req, res) => {
    farEnd.answer(channels.get(pathParam(req, 'channelId')));
    noContent(res);
  });
  router.post('/channels/:channelId/dtmf', (req, res) => {
    const { digits, duration } = body(req);
    if (typeof digits !== 'string' || !DTMF.test(digits)) throw badRequest('digits: 1 to 100 of 0-9 A-D * #');
    const durationMs = typeof duration === 'number' && duration > 0 ? duration : DEFAULT_DTMF_MS;
    farEnd.pressDigits(channels.get(pathParam(req, 'channelId')), digits.toUpperCase(), durationMs);
    noContent(res);
  });
  router.post('/channels/:channelId/hangup', (req, res) => {
    const { cause } = body(req);
    if (cause !== undefined && (typeof cause !== 'number' || !Number.isInteger(cause) || cause < 0)) throw badRequest('cause: a Q.850 cause number');
    farEnd.hangUp(channels.get(pathParam(req, 'channelId')), (cause as number | undefined) ?? NORMAL_CLEARING);
    noContent(res);
  });

  router.post('/ws/drop', (_req, res) => void res.json({ dropped: hub.dropAll() }));

  router.use((_req, res) => void res.status(404).json({ message: 'Not found' }));
  return router;
}
