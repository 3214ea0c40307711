import { SNOOP_CHANNEL_ARG, type RecordingVerbs } from '../recording-port';
import { ariMessage, isAriDuplicateId, isAriNotFound } from './ari-errors';
import type { AriRequest } from './ari-request';

/** What the verbs need of the adapter's settings (a subset of AriSettings). */
export interface AriRecordingSettings {
  url: string;
  username: string;
  password: string;
  app: string;
}

const FILE_TIMEOUT_MS = 30_000;

/**
 * Recording through ARI as VoIPBIN does: a snoop channel per direction (a channel in a bridge
 * cannot be recorded itself), each recorded to a WAV file that the product then fetches over
 * ARI's HTTP (`GET /recordings/stored/{name}/file`, which ari-client cannot read as bytes).
 */
export function recordingVerbs(request: AriRequest, settings: AriRecordingSettings): RecordingVerbs {
  const storedFileUrl = (name: string) => `${settings.url.replace(/\/+$/, '')}/ari/recordings/stored/${encodeURIComponent(name)}/file`;
  const authorization = `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString('base64')}`;

  return {
    async recordPart(part) {
      try {
        await request((ari) => ari.channels.snoopChannelWithId!({ channelId: part.channelId, snoopId: part.snoopId, spy: part.spy, app: settings.app, appArgs: SNOOP_CHANNEL_ARG }));
      } catch (error) {
        if (!isAriDuplicateId(error)) throw error; // a retry: the snoop is there
      }
      try {
        await request((ari) => ari.channels.record!({
          channelId: part.snoopId,
          name: part.name,
          format: 'wav',
          ifExists: 'overwrite',
          ...(part.maxDurationSeconds > 0 ? { maxDurationSeconds: part.maxDurationSeconds } : {}),
          ...(part.maxSilenceSeconds > 0 ? { maxSilenceSeconds: part.maxSilenceSeconds } : {}),
        }));
      } catch (error) {
        if (!/already in progress/i.test(ariMessage(error))) throw error;
      }
    },

    async stopRecording(name) {
      try {
        await request((ari) => ari.recordings.stop!({ recordingName: name }));
        return 'stopped';
      } catch (error) {
        if (isAriNotFound(error)) return 'not_found';
        throw error;
      }
    },

    async fetchStoredRecording(name) {
      const response = await fetch(storedFileUrl(name), { headers: { authorization }, signal: AbortSignal.timeout(FILE_TIMEOUT_MS) });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`fetching stored recording ${name} answered ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    },

    async deleteStoredRecording(name) {
      try {
        await request((ari) => ari.recordings.deleteStored!({ recordingName: name }));
      } catch (error) {
        if (!isAriNotFound(error)) throw error;
      }
    },
  };
}
