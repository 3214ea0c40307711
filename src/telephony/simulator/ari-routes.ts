import { Router, type Request } from 'express';
import type { Bridges } from './bridges';
import { causeOfReason } from './cause';
import { channelJson } from './channel';
import type { Media } from './media';
import type { Sandbox } from './sandbox';
import { SimError } from './sim-error';
import { resourceDocument, resourceList } from './swagger';

const text = (req: Request, name: string): string | undefined => {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

const required = (req: Request, name: string): string => {
  const value = text(req, name);
  if (value === undefined) throw new SimError(400, `${name}: required field missing`);
  return value;
};

const id = (req: Request, name = 'id'): string => String(req.params[name]);

/** The ARI REST routes, as Asterisk answers them (204 for void operations). */
export function ariRoutes(sandbox: Sandbox, media: Media, bridges: Bridges, defaultApp: () => string): Router {
  const router = Router();
  const done = (res: import('express').Response) => res.status(204).end();
  const basePath = (req: Request) => `http://${req.headers.host}/ari`;

  router.get('/api-docs/resources.json', (req, res) => void res.json(resourceList(basePath(req))));
  router.get('/api-docs/:name.json', (req, res) => {
    const doc = resourceDocument(id(req, 'name'), basePath(req));
    if (doc) res.json(doc);
    else res.status(404).json({ message: 'Resource not found' });
  });

  router.get('/asterisk/info', (_req, res) => void res.json({ system: { version: '22.0.0-simulator', entity_id: '02:fc:00:00:00:01' } }));
  router.get('/asterisk/ping', (_req, res) => void res.json({ asterisk_id: '02:fc:00:00:00:01', ping: 'pong', timestamp: new Date().toISOString() }));
  router.get('/applications', (_req, res) => void res.json([{ name: defaultApp(), channel_ids: [...sandbox.channels.keys()], bridge_ids: [], endpoint_ids: [], device_names: [] }]));

  router.get('/channels', (_req, res) => void res.json([...sandbox.channels.values()].map(channelJson)));
  router.post('/channels/create', (req, res) => {
    const channel = sandbox.create({ endpoint: required(req, 'endpoint'), app: required(req, 'app'), channelId: text(req, 'channelId'), appArgs: text(req, 'appArgs') });
    res.json(channelJson(channel));
  });
  router.get('/channels/:id', (req, res) => void res.json(channelJson(sandbox.live(id(req)))));
  router.delete('/channels/:id', (req, res) => {
    const code = text(req, 'reason_code');
    sandbox.hangup(id(req), code !== undefined ? Number(code) : (causeOfReason(text(req, 'reason')) ?? 16));
    done(res);
  });
  router.post('/channels/:id/dial', (req, res) => {
    const timeout = text(req, 'timeout');
    sandbox.dial(id(req), timeout !== undefined ? Number(timeout) : undefined);
    done(res);
  });
  router.post('/channels/:id/answer', (req, res) => (sandbox.answer(id(req)), done(res)));
  router.post('/channels/:id/ring', (req, res) => (sandbox.ring(id(req)), done(res)));
  router.delete('/channels/:id/ring', (req, res) => (sandbox.live(id(req)), done(res)));
  router.post('/channels/:id/hold', (req, res) => (media.hold(id(req), true), done(res)));
  router.delete('/channels/:id/hold', (req, res) => (media.hold(id(req), false), done(res)));
  router.post('/channels/:id/moh', (req, res) => (media.moh(id(req), text(req, 'mohClass') ?? 'default'), done(res)));
  router.delete('/channels/:id/moh', (req, res) => (media.moh(id(req), null), done(res)));
  router.post('/channels/:id/silence', (req, res) => (media.silence(id(req), true), done(res)));
  router.delete('/channels/:id/silence', (req, res) => (media.silence(id(req), false), done(res)));
  router.post('/channels/:id/mute', (req, res) => (media.mute(id(req), direction(req), true), done(res)));
  router.delete('/channels/:id/mute', (req, res) => (media.mute(id(req), direction(req), false), done(res)));
  router.post('/channels/:id/dtmf', (req, res) => (media.dtmf(id(req), required(req, 'dtmf')), done(res)));
  router.post('/channels/:id/play', (req, res) => void res.json(media.play(id(req), required(req, 'media'), text(req, 'playbackId'))));
  router.post('/channels/:id/play/:playbackId', (req, res) => void res.json(media.play(id(req), required(req, 'media'), id(req, 'playbackId'))));
  router.get('/channels/:id/variable', (req, res) => (sandbox.live(id(req)), void res.json({ value: '' })));
  router.post('/channels/:id/variable', (req, res) => (sandbox.live(id(req)), done(res)));

  router.get('/bridges', (_req, res) => void res.json(bridges.list()));
  router.post('/bridges', (req, res) => void res.json(bridges.create({ bridgeId: text(req, 'bridgeId'), type: text(req, 'type'), name: text(req, 'name') }, defaultApp())));
  router.post('/bridges/:id', (req, res) => void res.json(bridges.create({ bridgeId: id(req), type: text(req, 'type'), name: text(req, 'name') }, defaultApp())));
  router.get('/bridges/:id', (req, res) => void res.json(bridges.get(id(req))));
  router.delete('/bridges/:id', (req, res) => (bridges.destroy(id(req)), done(res)));
  router.post('/bridges/:id/addChannel', (req, res) => (bridges.addChannels(id(req), required(req, 'channel').split(',')), done(res)));
  router.post('/bridges/:id/removeChannel', (req, res) => (bridges.removeChannels(id(req), required(req, 'channel').split(',')), done(res)));

  router.get('/playbacks/:id', (req, res) => void res.json(media.getPlayback(id(req))));
  router.delete('/playbacks/:id', (req, res) => (media.stopPlayback(id(req)), done(res)));

  router.use((_req, res) => void res.status(404).json({ message: 'Resource not found' }));
  return router;
}

function direction(req: Request): 'in' | 'out' | 'both' {
  const value = text(req, 'direction') ?? 'both';
  if (value !== 'in' && value !== 'out' && value !== 'both') throw new SimError(400, 'direction: must be in, out or both');
  return value;
}
