import { Router } from 'express';
import type { EventHub } from './event-hub';
import type { Sandbox } from './sandbox';
import { SimError } from './sim-error';

const E164 = /^\+?[0-9A-Za-z@._-]{1,64}$/;

/** The control surface: tests and people play the far end here, and read what it experienced. */
export function simRoutes(sandbox: Sandbox, hub: EventHub): Router {
  const router = Router();

  router.post('/calls', (req, res) => {
    const body = (req.body ?? {}) as { source?: { target?: unknown }; destination?: { target?: unknown }; app?: unknown };
    const source = body.source?.target;
    const destination = body.destination?.target;
    if (typeof source !== 'string' || !E164.test(source)) throw new SimError(400, 'source.target: required');
    if (typeof destination !== 'string' || !E164.test(destination)) throw new SimError(400, 'destination.target: required');
    const app = typeof body.app === 'string' ? body.app : hub.apps()[0];
    if (!app || !hub.apps().includes(app)) throw new SimError(404, 'No Stasis application is connected to take the call');
    res.status(201).json({ channel_id: sandbox.incoming(app, source, destination).id });
  });

  router.get('/channels', (_req, res) => void res.json([...sandbox.records.values()]));
  router.get('/channels/:id', (req, res) => {
    const record = sandbox.records.get(req.params.id);
    if (!record) throw new SimError(404, 'Channel not found');
    res.json(record);
  });
  router.post('/channels/:id/answer', (req, res) => {
    sandbox.farEndAnswer(req.params.id);
    res.status(204).end();
  });
  router.post('/channels/:id/dtmf', (req, res) => {
    const { digits, duration } = (req.body ?? {}) as { digits?: unknown; duration?: unknown };
    if (typeof digits !== 'string' || !/^[0-9A-D*#]{1,100}$/i.test(digits)) throw new SimError(400, 'digits: 1 to 100 of 0-9 A-D * #');
    sandbox.farEndDtmf(req.params.id, digits.toUpperCase(), typeof duration === 'number' ? duration : 100);
    res.status(204).end();
  });
  router.post('/channels/:id/hangup', (req, res) => {
    const { cause } = (req.body ?? {}) as { cause?: unknown };
    sandbox.farEndHangup(req.params.id, typeof cause === 'number' ? cause : 16);
    res.status(204).end();
  });
  router.post('/ws/drop', (_req, res) => void res.json({ dropped: hub.dropAll() }));
  return router;
}
