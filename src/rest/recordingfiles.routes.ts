import { Router, type Request, type Response } from 'express';
import { AppError } from '../domain/errors';
import type { Services } from '../services/services';
import { authenticate, customerIdOf } from './authenticate';
import { signedUrlFor } from './recording-views';

/**
 * `/v1.0/recordingfiles/{id}`: with credentials, a redirect to a freshly signed URL;
 * `/v1.0/recordingfiles/{id}/download?expires=&signature=`: the file, for the signature alone.
 */
export function createRecordingFilesRouter(services: Pick<Services, 'recordings' | 'auth'>): Router {
  const router = Router();
  const { recordings } = services;

  router.get('/:id/download', async (req: Request<{ id: string }>, res: Response) => {
    const file = await recordings.download(req.params.id, req.query.expires, req.query.signature);
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('cache-control', 'private, no-store');
    res.send(file.content);
  });

  router.get('/:id', authenticate(services.auth), async (req: Request<{ id: string }>, res: Response) => {
    const recording = await recordings.get(customerIdOf(res), req.params.id);
    const url = signedUrlFor(req, recording, recordings);
    if (!url) throw new AppError('RECORDING_NOT_ENDED', `The recording is ${recording.status}: its file is not stored yet.`);
    res.redirect(307, url); // VoIPBIN's document: 307
  });

  return router;
}
