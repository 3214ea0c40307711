import type { Request } from 'express';
import type { Recording } from '../domain/recording';
import type { RecordingService } from '../services/recording-service';
import { presentRecording, type RestRecording } from './recording.presenter';

/** The API's own origin as the client reached it: signed URLs point back at it. */
const originOf = (req: Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

/** Recordings with absolute, freshly signed download URLs. */
export function presentRecordings(req: Request, recordings: readonly Recording[], service: Pick<RecordingService, 'downloadPath'>): RestRecording[] {
  const origin = originOf(req);
  return recordings.map((recording) => {
    const path = service.downloadPath(recording);
    return presentRecording(recording, path ? `${origin}${path}` : null);
  });
}

export function signedUrlFor(req: Request, recording: Recording, service: Pick<RecordingService, 'downloadPath'>): string | null {
  const path = service.downloadPath(recording);
  return path ? `${originOf(req)}${path}` : null;
}
