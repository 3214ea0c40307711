import { Router } from 'express';
import { noContent, pathParam } from './http-params';
import type { Sandbox } from './sandbox';

/** Playbacks and recordings as objects of their own. */
export function ariPlaybackRecordingRoutes({ playbacks, recordings }: Sandbox): Router {
  const router = Router();

  router.get('/playbacks/:playbackId', (req, res) => void res.json(playbacks.get(pathParam(req, 'playbackId'))));
  router.delete('/playbacks/:playbackId', (req, res) => {
    playbacks.stop(pathParam(req, 'playbackId'));
    noContent(res);
  });

  router.get('/recordings/live/:recordingName', (req, res) => void res.json(recordings.getLive(pathParam(req, 'recordingName'))));
  router.delete('/recordings/live/:recordingName', (req, res) => {
    recordings.cancel(pathParam(req, 'recordingName'));
    noContent(res);
  });
  router.post('/recordings/live/:recordingName/stop', (req, res) => {
    recordings.stop(pathParam(req, 'recordingName'));
    noContent(res);
  });

  router.get('/recordings/stored', (_req, res) => void res.json(recordings.listStored()));
  router.get('/recordings/stored/:recordingName', (req, res) => void res.json(recordings.getStored(pathParam(req, 'recordingName'))));
  router.get('/recordings/stored/:recordingName/file', (req, res) => {
    res.type('audio/wav').send(recordings.storedFile(pathParam(req, 'recordingName')));
  });
  router.delete('/recordings/stored/:recordingName', (req, res) => {
    recordings.deleteStored(pathParam(req, 'recordingName'));
    noContent(res);
  });

  return router;
}
