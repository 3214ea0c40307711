import { AppError } from '../domain/errors';
import { cannotStartRecording, parseRecordingOptions, partsOf, type Recording, type RecordingOptions } from '../domain/recording';
import type { Logger } from '../platform/logger';
import type { FileStore } from '../storage/file-store';
import type { CallRepository } from '../persistence/call-repository';
import { newCallId } from '../persistence/call-repository';
import { parseId } from './ids';
import type { RecordingCommands } from './recording-ports';
import { createRecordingProgress } from './recording-progress';
import type { RecordingCursor, RecordingRepository } from '../persistence/recording-repository';
import type { DownloadSigner } from './signed-url';

export interface RecordingServiceDeps {
  recordings: RecordingRepository;
  calls: CallRepository;
  commands: RecordingCommands;
  files: FileStore;
  signer: DownloadSigner;
  /** The API's public origin (PUBLIC_URL) for download URLs; unset: the surface gives its own. */
  publicUrl?: string | undefined;
  logger: Logger;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = { wav: 'audio/wav', mp3: 'audio/mpeg', ogg: 'audio/ogg' };

const notFound = () => new AppError('RECORDING_NOT_FOUND', 'The recording was not found.');

/**
 * Recordings of calls: started and stopped through the API and the flow actions alike
 * (`start` takes the API's and the flow action's option names), advanced by the media server's
 * events, stored as files with signed download URLs.
 */
export function createRecordingService(deps: RecordingServiceDeps) {
  const { recordings, calls, commands, files, signer } = deps;
  const publicUrl = deps.publicUrl?.replace(/\/+$/, '');
  const progress = createRecordingProgress(deps);

  async function callOf(customerId: string, callId: unknown) {
    const call = await calls.findOwned(parseId(callId, 'id'), customerId);
    if (!call || call.tmDelete) throw new AppError('CALL_NOT_FOUND', 'The call was not found.');
    return call;
  }

  async function startWith(customerId: string, callId: unknown, options: RecordingOptions): Promise<Recording> {
    const call = await callOf(customerId, callId);
    const refusal = cannotStartRecording(call);
    if (refusal) throw refusal;
    const started = await recordings.start(call, newCallId(), options, partsOf(options.direction));
    if (!started) {
      // Another change won between the read and the update: say what it was.
      throw cannotStartRecording(await callOf(customerId, call.id)) ?? new AppError('CONCURRENT_CHANGE', 'The call changed while the recording was starting; try again.');
    }
    await commands.start(started.recording.id);
    return started.recording;
  }

  async function getOwned(customerId: string, id: unknown): Promise<Recording> {
    const recording = await recordings.findOwned(parseId(id, 'id'), customerId);
    if (!recording) throw notFound();
    return recording;
  }

  return {
    /** Starts recording a progressing call; `input` has the API's / flow action's options. */
    start: (customerId: string, callId: unknown, input: unknown) => startWith(customerId, callId, parseRecordingOptions(input)),
    startWith,

    /** Stops the call's active recording; the file follows when the media server has finished it. */
    async stop(customerId: string, callId: unknown): Promise<Recording> {
      const call = await callOf(customerId, callId);
      const active = call.recordingId ? await recordings.findById(call.recordingId) : null;
      if (!active) throw new AppError('CALL_NOT_RECORDING', 'The call is not being recorded.');
      return progress.stopRecording(active);
    },

    get: getOwned,
    /** For the recording worker (by id, without a customer) and its end: the file it stored, or none. */
    findById: recordings.findById,
    markEnded: recordings.markEnded,

    async list(customerId: string, query: { pageSize: number; after?: RecordingCursor | undefined }) {
      return recordings.list(customerId, query.pageSize, query.after);
    },

    async ofCall(customerId: string, callId: unknown): Promise<Recording[]> {
      const call = await callOf(customerId, callId);
      return recordings.findByCalls([call.id], customerId);
    },

    /** For DataLoader: the recordings of many calls in one query. */
    ofCalls: (customerId: string, callIds: readonly string[]) => recordings.findByCalls(callIds, customerId),

    /** Deletes an ended recording and its file; one still running answers 409 (stop it first). */
    async delete(customerId: string, id: unknown): Promise<Recording> {
      const recording = await getOwned(customerId, id);
      if (recording.status !== 'ended') throw new AppError('RECORDING_NOT_ENDED', `The recording is ${recording.status}: stop it before deleting it.`);
      const deleted = await recordings.markDeleted(recording.id, customerId);
      if (!deleted) throw notFound();
      if (recording.fileName) await files.delete(recording.fileName);
      return deleted;
    },

    /**
     * A freshly signed URL of the file, or null before it is stored: on PUBLIC_URL when set, else
     * on `origin` (the origin the client reached; '' gives a path on the API).
     */
    downloadUrl(recording: Recording, origin = '', now?: Date): string | null {
      if (!recording.fileName || recording.tmDelete) return null;
      const { expires, signature } = signer.sign(recording.id, now);
      return `${publicUrl ?? origin}/v1.0/recordingfiles/${recording.id}/download?expires=${expires}&signature=${signature}`;
    },

    /** The file behind a signed URL: 403 for a tampered or expired one, without other credentials. */
    async download(id: unknown, expires: unknown, signature: unknown): Promise<{ content: Buffer; contentType: string; fileName: string }> {
      const recordingId = parseId(id, 'id');
      if (!signer.verify(recordingId, expires, signature)) throw new AppError('PERMISSION_DENIED', 'The download URL is invalid or has expired; ask for a fresh one.');
      const recording = await recordings.findById(recordingId);
      const content = recording?.fileName && !recording.tmDelete ? await files.get(recording.fileName) : null;
      if (!recording || !content) throw notFound();
      return { content, contentType: CONTENT_TYPES[recording.format] ?? 'application/octet-stream', fileName: `${recording.id}.${recording.format}` };
    },

    ...progress,
  };
}

export type RecordingService = ReturnType<typeof createRecordingService>;
