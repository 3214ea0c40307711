/** The stages of a call's life the console draws, in order. */
export const STAGES = ['dialing', 'ringing', 'progressing', 'hangup'] as const;

export interface Stage {
  name: (typeof STAGES)[number];
  /** When the call reached it; null when it never did (a busy call never rang). */
  at: string | null;
  /** Milliseconds from the previous reached stage; null for the first and for stages not reached. */
  afterMs: number | null;
}

/** The lifecycle dialing → ringing → progressing → hangup with the time between each reached stage. */
export function lifecycleOf(call: { createdAt: string; ringingAt: string | null; progressingAt: string | null; hangupAt: string | null }): Stage[] {
  const times = [call.createdAt, call.ringingAt, call.progressingAt, call.hangupAt];
  let previous: number | null = null;
  return STAGES.map((name, index) => {
    const at = times[index] ?? null;
    if (at === null) return { name, at, afterMs: null };
    const ms = Date.parse(at);
    const afterMs = previous === null ? null : ms - previous;
    previous = ms;
    return { name, at, afterMs };
  });
}

/** 1234 → "1.2 s", 85 → "85 ms", 125000 → "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A time of day with milliseconds, as the timeline lists events. */
export const timeOfDay = (iso: string): string => new Date(iso).toISOString().slice(11, 23);
