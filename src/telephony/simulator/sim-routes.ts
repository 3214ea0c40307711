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
  const { channels, farEnd, stasisStarts, bridges, stalls } = sandbox;
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
  /** The far end hangs up: with a cause, or without one a SIP caller's BYE (an incoming call) or normal clearing. */
  router.post('/channels/:channelId/hangup', (req, res) => {
    const { cause } = body(req);
    if (cause !== undefined && (typeof cause !== 'number' || !Number.isInteger(cause) || cause < 0)) throw badRequest('cause: a Q.850 cause number');
    const channel = channels.get(pathParam(req, 'channelId'));
    farEnd.hangUp(channel, (cause as number | undefined) ?? (channel.record.direction === 'incoming' ? 'bye' : NORMAL_CLEARING));
    noContent(res);
  });

  /** Releases a StasisStart held back by the hold_stasis_start setting. */
  router.post('/channels/:channelId/stasis-start', (req, res) => {
    stasisStarts.release(pathParam(req, 'channelId'));
    noContent(res);
  });

  const settings = () => ({ hold_stasis_start: stasisStarts.holding, stall_ari: stalls.value, stalled_requests: stalls.stalledCount });
  router.get('/settings', (_req, res) => void res.json(settings()));
  router.post('/settings', (req, res) => {
    const { hold_stasis_start: hold, stall_ari: stall } = body(req);
    if (hold !== undefined && typeof hold !== 'boolean') throw badRequest('hold_stasis_start: true or false');
    if (stall !== undefined) stalls.set(stall);
    if (hold !== undefined) stasisStarts.hold(hold);
    res.json(settings());
  });

  /**
   * Programs the far end of one target, or of every dial through one provider (`endpoint`, an
   * endpoint template such as `PJSIP/{target}@carrier-a`): ring and answer delays, a hangup with a
   * cause before it rings, or a dial status (CONGESTION, BUSY) before it rings.
   */
  router.post('/far-ends', (req, res) => {
    const { target, endpoint, rings, ring_ms: ringMs, answer_ms: answerMs, hangup_cause: hangupCause, dial_status: dialStatus } = body(req);
    if ((target === undefined) === (endpoint === undefined)) throw badRequest('target or endpoint: one of them is required');
    if (target !== undefined && (typeof target !== 'string' || target === '')) throw badRequest('target: a non-empty string');
    if (endpoint !== undefined && (typeof endpoint !== 'string' || !endpoint.includes('{target}'))) throw badRequest('endpoint: an endpoint template with {target}');
    if (rings !== undefined && typeof rings !== 'boolean') throw badRequest('rings: true or false');
    if (dialStatus !== undefined && dialStatus !== 'CONGESTION' && dialStatus !== 'BUSY') throw badRequest('dial_status: CONGESTION or BUSY');
    for (const [field, value] of Object.entries({ ring_ms: ringMs, answer_ms: answerMs, hangup_cause: hangupCause })) {
      if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 0)) throw badRequest(`${field}: a whole number, 0 or more`);
    }
    const program = {
      rings: rings as boolean | undefined,
      ringMs: ringMs as number | undefined,
      answerMs: answerMs as number | undefined,
      hangupCause: hangupCause as number | undefined,
      dialStatus: dialStatus as 'CONGESTION' | 'BUSY' | undefined,
    };
    if (typeof endpoint === 'string') farEnd.programProvider(endpoint, program);
    else farEnd.program(target as string, program);
    noContent(res);
  });

  router.get('/bridges/:bridgeId', (req, res) => void res.json(bridges.record(pathParam(req, 'bridgeId'))));

  router.post('/ws/drop', (_req, res) => void res.json({ dropped: hub.dropAll() }));

  router.use((_req, res) => void res.status(404).json({ message: 'Not found' }));
  return router;
}
