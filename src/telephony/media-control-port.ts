/**
 * What the product does to the audio of a live channel (hold, music on hold, silence, mute, DTMF).
 * Asterisk answers each with 204 and sends no event (trace media-controls-hold-moh-mute-dtmf-ring),
 * so a resolved promise is the only confirmation there is.
 */
export interface MediaControlPort {
  hold(channelId: string, on: boolean): Promise<void>;
  musicOnHold(channelId: string, on: boolean): Promise<void>;
  silence(channelId: string, on: boolean): Promise<void>;
  mute(channelId: string, direction: 'in' | 'out' | 'both', on: boolean): Promise<void>;
  sendDtmf(channelId: string, dtmf: { digits: string; durationMs: number; intervalMs: number }): Promise<void>;
}
