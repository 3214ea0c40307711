/** An answer Asterisk gives as an HTTP error: its status code and `{"message": …}` body. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// The messages res_ari answers with; ari-client users match on them (it exposes no status code).
export const channelNotFound = () => new SimError(404, 'Channel not found');
export const notInStasis = () => new SimError(409, 'Channel not in Stasis application');
export const bridgeNotFound = () => new SimError(404, 'Bridge not found');
export const playbackNotFound = () => new SimError(404, 'Playback not found');
export const recordingNotFound = () => new SimError(404, 'Recording not found');
export const badRequest = (message: string) => new SimError(400, message);
