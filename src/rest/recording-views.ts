import type { Request } from 'express';
import type { Recording } from '../domain/recording';
import type { RecordingService } from '../services/recording-service';
import { presentRecording, type RestRecording } from './recording.presenter';

/** The API's origin as the client reached it (PUBLIC_URL, when set, wins): signed URLs point back at it. */
const originOf = (req: Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

/** Recordings with absolute, freshly signed download URLs. */
export function presentRecordings(req: Request, recordings: readonly Recording[], service: Pick<RecordingService, 'downloadUrl'>): RestRecording[] {
  const origin = originOf(req);
  return recordings.map((recording) => presentRecording(recording, service.downloadUrl(recording, origin)));
}

export const signedUrlFor = (req: Request, recording: Recording, service: Pick<RecordingService, 'downloadUrl'>): string | null =>
  service.downloadUrl(recording, originOf(req));
