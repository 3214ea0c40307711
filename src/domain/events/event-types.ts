import type { ResourceType, SnapshotOf } from './snapshots';

/**
 * Another name a client may ask for (VoIPBIN's spelling of the same change). `status`: the alias
 * covers only the events whose resource has that status after the change (VoIPBIN's
 * call_terminating is our call_updated of a call that is now terminating).
 */
export interface EventAlias {
  name: string;
  status?: string;
}

interface EventTypeEntry {
  resource: ResourceType;
  aliases: readonly EventAlias[];
  /** When it is emitted, in a sentence: the event catalogue (docs/events.md) is made from it. */
  when: string;
}

/**
 * Every event the product emits: its name, the resource whose snapshot it carries, and the names
 * VoIPBIN uses for the same change. Webhooks and streams filter by this table; a name in neither
 * column is refused. A resource that adds events adds its rows here (and its snapshot type).
 */
export const EVENT_TYPES = {
  call_created: { resource: 'call', aliases: [], when: 'a call is made (outgoing) or comes in (incoming); the first event of every call' },
  call_ringing: { resource: 'call', aliases: [], when: 'the far end rings' },
  call_answered: { resource: 'call', aliases: [{ name: 'call_progressing' }], when: 'the call is answered: its status is now progressing' },
  call_updated: { resource: 'call', aliases: [{ name: 'call_terminating', status: 'terminating' }, { name: 'call_canceling', status: 'canceling' }], when: 'anything else about the call changes: a hangup asked for (terminating, canceling), hold, mute, music on hold, silence, its recording, its current flow action, a reaction that could not run, an attempt that failed over to the next provider (still dialing, with one more entry in attempts)' },
  call_hungup: { resource: 'call', aliases: [{ name: 'call_hangup' }], when: 'the call has ended (status hangup, with hangup_by and hangup_reason); the last event of a call but call_deleted' },
  call_deleted: { resource: 'call', aliases: [], when: 'the call is deleted (hidden from lists)' },
  activeflow_created: { resource: 'activeflow', aliases: [], when: 'a flow starts on a call' },
  activeflow_updated: { resource: 'activeflow', aliases: [], when: 'the flow moves to another action, sets variables, or ends' },
  activeflow_deleted: { resource: 'activeflow', aliases: [], when: 'the activeflow is deleted' },
  recording_started: { resource: 'recording', aliases: [], when: 'a recording starts' },
  recording_finished: { resource: 'recording', aliases: [], when: 'a recording ends and its file is stored' },
  groupcall_created: { resource: 'groupcall', aliases: [], when: 'a groupcall is made; its legs are dialled (all at once for ring_all, the first for linear)' },
  groupcall_progressing: { resource: 'groupcall', aliases: [], when: 'a leg answered first: answer_call_id names the winner' },
  groupcall_updated: { resource: 'groupcall', aliases: [], when: 'the groupcall starts hanging up, or a linear groupcall dials its next destination' },
  groupcall_hangup: { resource: 'groupcall', aliases: [], when: 'every leg has ended; the final event of a groupcall, exactly once' },
  groupcall_deleted: { resource: 'groupcall', aliases: [], when: 'the groupcall is deleted (hidden from lists)' },
  transfer_created: { resource: 'transfer', aliases: [], when: 'a transfer starts: the transferee is being dialled' },
  transfer_ringing: { resource: 'transfer', aliases: [], when: 'the transferee rings' },
  transfer_answered: { resource: 'transfer', aliases: [], when: 'the transferee answers (attended: the consult begins)' },
  transfer_completed: { resource: 'transfer', aliases: [], when: 'caller and transferee are bridged; carries the context and from_call_id / to_call_id; final' },
  transfer_cancelled: { resource: 'transfer', aliases: [], when: 'the transfer is cancelled and the caller is back with the transferer; final' },
  transfer_failed: { resource: 'transfer', aliases: [], when: 'the transferee was busy, did not answer or could not be reached; final' },
} as const satisfies Record<string, EventTypeEntry>;

export type EventName = keyof typeof EVENT_TYPES;
export type ResourceOfEvent<E extends EventName> = (typeof EVENT_TYPES)[E]['resource'];
/** The payload an event of this name carries. */
export type PayloadOfEvent<E extends EventName> = SnapshotOf[ResourceOfEvent<E>];
/** The names of the events of one resource type. */
export type EventNameOf<R extends ResourceType> = { [E in EventName]: ResourceOfEvent<E> extends R ? E : never }[EventName];

export const EVENT_NAMES = Object.keys(EVENT_TYPES) as EventName[];

/** A name a client may ask for, and the emitted event (with its status condition) it stands for. */
export interface AskableName {
  name: string;
  event: EventName;
  status: string | null;
}

/** Every askable name: each event under its own name and under each of its aliases. */
export const ASKABLE_NAMES: readonly AskableName[] = EVENT_NAMES.flatMap((event) => [
  { name: event, event, status: null },
  ...EVENT_TYPES[event].aliases.map((alias: EventAlias) => ({ name: alias.name, event, status: alias.status ?? null })),
]);

const ASKABLE = new Map(ASKABLE_NAMES.map((entry) => [entry.name, entry]));

export const isAskableName = (name: string): boolean => ASKABLE.has(name);

export const RESOURCE_TYPES: readonly ResourceType[] = [...new Set(EVENT_NAMES.map((event) => EVENT_TYPES[event].resource))];

/**
 * The name under which a subscriber that asked for `asked` receives an event (of `type`, whose
 * resource now has `status`): the first name it asked for that covers it, or null when none does.
 * An empty list asks for everything, under the emitted names.
 */
export function nameAskedFor(asked: readonly string[], type: string, status: string | undefined): string | null {
  if (asked.length === 0) return type;
  for (const name of asked) {
    const entry = ASKABLE.get(name);
    if (entry && entry.event === type && (entry.status === null || entry.status === status)) return name;
  }
  return null;
}
