import { Router, type Request, type Response } from 'express';
import type { Channel } from './channel';
import { channelJson } from './channel';
import { integer, noContent, pathParam, text } from './http-params';
import type { Sandbox } from './sandbox';
import { badRequest } from './sim-error';

/** What the app does to the media of a channel in Stasis: indications, playback, recording, snooping. */
export function ariChannelMediaRoutes(sandbox: Sandbox): Router {
  const { channels, media, playbacks, recordings, snoops } = sandbox;
  const router = Router();

  /** A void operation on a channel the app controls. */
  const on = (path: string, method: 'post' | 'delete', act: (channel: Channel, req: Request) => void) =>
    router[method](`/channels/:channelId/${path}`, (req: Request, res: Response) => {
      act(channels.controlled(pathParam(req, 'channelId')), req);
      noContent(res);
    });

  on('ring', 'post', (channel) => media.ring(channel, true));
  on('ring', 'delete', (channel) => media.ring(channel, false));
  on('hold', 'post', (channel) => media.hold(channel, true));
  on('hold', 'delete', (channel) => media.hold(channel, false));
  on('moh', 'post', (channel, req) => media.moh(channel, text(req, 'mohClass') ?? 'default'));
  on('moh', 'delete', (channel) => media.moh(channel, null));
  on('silence', 'post', (channel) => media.silence(channel, true));
  on('silence', 'delete', (channel) => media.silence(channel, false));
  on('mute', 'post', (channel, req) => media.mute(channel, text(req, 'direction') ?? 'both', true));
  on('mute', 'delete', (channel, req) => media.mute(channel, text(req, 'direction') ?? 'both', false));
  on('dtmf', 'post', (channel, req) =>
    media.sendDtmf(channel, { dtmf: text(req, 'dtmf'), before: integer(req, 'before'), between: integer(req, 'between'), duration: integer(req, 'duration'), after: integer(req, 'after') }),
  );

  const play = (req: Request, res: Response, playbackId: string | undefined) => {
    const channel = channels.controlled(pathParam(req, 'channelId'));
    res.status(201).json(playbacks.play(sandbox.channelTarget(channel), { media: text(req, 'media'), lang: text(req, 'lang'), playbackId }));
  };
  router.post('/channels/:channelId/play', (req, res) => play(req, res, text(req, 'playbackId')));
  router.post('/channels/:channelId/play/:playbackId', (req, res) => play(req, res, pathParam(req, 'playbackId')));

  router.post('/channels/:channelId/record', (req, res) => {
    const channel = channels.controlled(pathParam(req, 'channelId'));
    const request = { name: text(req, 'name'), format: text(req, 'format'), maxDurationSeconds: integer(req, 'maxDurationSeconds'), ifExists: text(req, 'ifExists') };
    res.status(201).json(recordings.record(sandbox.channelTarget(channel), request));
  });

  const snoop = (req: Request, res: Response, snoopId: string | undefined) => {
    const target = channels.controlled(pathParam(req, 'channelId'));
    const app = text(req, 'app');
    if (!app) throw badRequest('Application must be specified');
    const channel = snoops.create(target, { app, appArgs: text(req, 'appArgs'), snoopId, spy: text(req, 'spy'), whisper: text(req, 'whisper') });
    res.json(channelJson(channel));
  };
  router.post('/channels/:channelId/snoop', (req, res) => snoop(req, res, text(req, 'snoopId')));
  router.post('/channels/:channelId/snoop/:snoopId', (req, res) => snoop(req, res, pathParam(req, 'snoopId')));

  return router;
}
