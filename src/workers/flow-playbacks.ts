/** Playback ids of flow actions: `flow_<activeflow>_<step>_<index>`, so PlaybackFinished finds its step. */
export const flowPlaybackId = (activeflowId: string, step: number, index: number) => `flow_${activeflowId}_${step}_${index}`;

const PLAYBACK_ID = /^flow_([0-9a-f-]{36})_(\d+)_(\d+)$/;

export function parseFlowPlaybackId(playbackId: string): { activeflowId: string; step: number; index: number } | null {
  const match = PLAYBACK_ID.exec(playbackId);
  if (!match) return null;
  return { activeflowId: match[1] as string, step: Number(match[2]), index: Number(match[3]) };
}

/** A stream URL as media: http(s) URLs through Asterisk's media cache (`sound:https://…`). */
export const streamMedia = (url: string) => (/^https?:\/\//i.test(url) ? `sound:${url}` : url);

/**
 * The mixing bridge of one execution of a connect action: named by when it started (action ids
 * are client text, not fit for an ARI path), which stays on the activeflow after its end too.
 */
export const connectBridgeId = (activeflowId: string, startedAt: string) => `flow-connect_${activeflowId}_${Date.parse(startedAt)}`;
