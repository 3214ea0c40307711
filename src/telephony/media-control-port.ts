/** `not_found`: the channel is gone (the call is ending); nothing was done. */
export type MediaControlResult = 'done' | 'not_found';

/**
 * What the product does to the audio of a live channel (hold, music on hold, silence, mute, DTMF,
 * speech).
 * Asterisk answers each with 204 and sends no event (trace media-controls-hold-moh-mute-dtmf-ring),
 * so the answer to the request is the only confirmation there is.
 */
export interface MediaControlPort {
  hold(channelId: string, on: boolean): Promise<MediaControlResult>;
  musicOnHold(channelId: string, on: boolean): Promise<MediaControlResult>;
  /** Ringing indicated to the channel (a blind transfer's caller hears it while the transferee rings). */
  ring(channelId: string, on: boolean): Promise<MediaControlResult>;
  silence(channelId: string, on: boolean): Promise<MediaControlResult>;
  mute(channelId: string, direction: 'in' | 'out' | 'both', on: boolean): Promise<MediaControlResult>;
  /**
   * Answers once the digits have been played (domain/dtmf-timing): Asterisk answers the request
   * before the first tone and drops a string sent while another still plays, so consecutive sends
   * must wait for each other.
   */
  sendDtmf(channelId: string, dtmf: { digits: string; durationMs: number; intervalMs: number }): Promise<MediaControlResult>;
  /**
   * Starts playing media (speech a TextToSpeech made) to the channel with the given playback id
   * and answers at once: Asterisk answers `POST /channels/{id}/play` when the playback is queued,
   * and PlaybackFinished tells its end to whoever cares.
   */
  playSpeech(channelId: string, playbackId: string, media: string, language: string): Promise<MediaControlResult>;
}
