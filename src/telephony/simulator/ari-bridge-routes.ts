import { Router, type Request, type Response } from 'express';
import { integer, noContent, pathParam, text } from './http-params';
import type { Sandbox } from './sandbox';
import { badRequest } from './sim-error';

const channelList = (req: Request): string[] => {
  const channel = text(req, 'channel');
  if (!channel) throw badRequest('channel: required');
  return channel.split(',').filter(Boolean);
};

/** Bridges, and playing to or recording a bridge. */
export function ariBridgeRoutes({ bridges, playbacks, recordings }: Sandbox): Router {
  const router = Router();
  const spec = (req: Request, bridgeId: string | undefined) => ({ bridgeId, type: text(req, 'type'), name: text(req, 'name') });

  router.get('/bridges', (_req, res) => void res.json(bridges.list()));
  router.post('/bridges', (req, res) => void res.json(bridges.create(spec(req, text(req, 'bridgeId')), false)));
  router.get('/bridges/:bridgeId', (req, res) => void res.json(bridges.get(pathParam(req, 'bridgeId'))));
  router.post('/bridges/:bridgeId', (req, res) => void res.json(bridges.create(spec(req, pathParam(req, 'bridgeId')), true)));
  router.delete('/bridges/:bridgeId', (req, res) => {
    bridges.destroy(pathParam(req, 'bridgeId'));
    noContent(res);
  });

  router.post('/bridges/:bridgeId/addChannel', (req, res) => {
    bridges.addChannels(pathParam(req, 'bridgeId'), channelList(req));
    noContent(res);
  });
  router.post('/bridges/:bridgeId/removeChannel', (req, res) => {
    bridges.removeChannels(pathParam(req, 'bridgeId'), channelList(req));
    noContent(res);
  });

  router.post('/bridges/:bridgeId/moh', (req, res) => {
    bridges.moh(pathParam(req, 'bridgeId'), text(req, 'mohClass') ?? 'default');
    noContent(res);
  });
  router.delete('/bridges/:bridgeId/moh', (req, res) => {
    bridges.moh(pathParam(req, 'bridgeId'), null);
    noContent(res);
  });

  const play = (req: Request, res: Response, playbackId: string | undefined) => {
    const target = bridges.target(pathParam(req, 'bridgeId'));
    res.status(201).json(playbacks.play(target, { media: text(req, 'media'), lang: text(req, 'lang'), playbackId }));
  };
  router.post('/bridges/:bridgeId/play', (req, res) => play(req, res, text(req, 'playbackId')));
  router.post('/bridges/:bridgeId/play/:playbackId', (req, res) => play(req, res, pathParam(req, 'playbackId')));

  router.post('/bridges/:bridgeId/record', (req, res) => {
    const target = bridges.target(pathParam(req, 'bridgeId'));
    const request = { name: text(req, 'name'), format: text(req, 'format'), maxDurationSeconds: integer(req, 'maxDurationSeconds'), ifExists: text(req, 'ifExists') };
    res.status(201).json(recordings.record(target, request));
  });

  return router;
}
