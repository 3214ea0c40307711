import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface TraceItem {
  type?: string;
  request?: { op: string };
  channel?: { id: string; state: string };
  peer?: { id: string };
  dialstatus?: string;
  cause?: number;
  soft?: boolean;
  [key: string]: unknown;
}

/** Where the recorded traces are kept (test/fixtures/ari-traces, described by its README). */
export const TRACE_DIR = path.resolve(__dirname, '../fixtures/ari-traces');

/** An ARI event sequence recorded from a real Asterisk 22: its requests and events in arrival order. */
export function loadTrace(name: string): TraceItem[] {
  const file = path.join(TRACE_DIR, `${name}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { items: TraceItem[] }).items;
}

/** The events of one channel (or Dial events about it as peer), as "Type[:detail]" strings. */
export function eventSignature(items: TraceItem[], channelId: string, types: string[]): string[] {
  return items
    .filter((item) => item.type && types.includes(item.type))
    .filter((item) => item.channel?.id === channelId || item.peer?.id === channelId)
    .map((item) => {
      if (item.type === 'ChannelStateChange') return `${item.type}:${item.channel?.state}`;
      if (item.type === 'Dial') return `${item.type}:${item.dialstatus}`;
      if (item.type === 'ChannelDestroyed') return `${item.type}:${item.cause}`;
      if (item.type === 'ChannelHangupRequest') return `${item.type}:${item.soft ? 'soft' : item.cause}`;
      return item.type as string;
    });
}

/** A trace's header fields (scenario, app, note and the summaries beside `items`). */
export function loadTraceHeader(name: string): { app: string; [key: string]: unknown } {
  const file = path.join(TRACE_DIR, `${name}.json`);
  const { items: _items, ...header } = JSON.parse(readFileSync(file, 'utf8')) as { items: unknown; app: string };
  return header;
}
