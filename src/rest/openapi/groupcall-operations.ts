import { ADDRESS_TYPES } from '../../domain/address';
import { ANSWER_METHODS, GROUPCALL_STATUSES, NESTED_GROUPCALL_TYPE, RING_METHODS } from '../../domain/groupcall';
import { MAX_GROUPCALL_LEGS, MAX_GROUPCALL_LEVELS } from '../../domain/groupcall-destinations';
import { PAGE_QUERY, type Operation } from './operation';
import { input, int, list, oneOf, page, record, ref, str, time, uuid, ZERO_UUID_TEXT, type Schema } from './schema-kit';

const GROUPCALL: Schema = ref('Groupcall');
const tag = 'Groupcall';

/** A destination as answers show it: an address, or a nested groupcall (type groupcall, target its id). */
const destination = record('A destination: an address, or a nested groupcall (type groupcall, target: the nested groupcall\'s id).', {
  type: oneOf([...ADDRESS_TYPES, NESTED_GROUPCALL_TYPE], 'Type of address; groupcall for a nested groupcall.', 'tel'),
  target: str('The endpoint; for a nested groupcall its id (GET /v1.0/groupcalls/{id} once it is dialled).', '+14155551234'),
  target_name: str("The target's display name.", 'John Smith'),
  name: str('Optional label for this address.', 'Main Office'),
  detail: str('Additional notes about this address.', ''),
});

/** A destination as a request writes it: an address, or `{"type": "groupcall", "groupcall": {...}}`. */
const destinationInput: Schema = {
  type: 'object',
  description: `An address, or a nested groupcall: {"type": "groupcall", "groupcall": {"destinations": [...], "ring_method": "linear"}}. Its source, flow and answer method are its master's; at most ${MAX_GROUPCALL_LEVELS} levels and ${MAX_GROUPCALL_LEGS} legs in all (400 GROUPCALL_TOO_DEEP / GROUPCALL_TOO_MANY_LEGS).`,
  properties: {
    type: oneOf([...ADDRESS_TYPES, NESTED_GROUPCALL_TYPE], 'Type of address; groupcall for a nested groupcall.', 'tel'),
    target: str('The endpoint (left out for a nested groupcall).', '+14155551234'),
    target_name: str("The target's display name.", 'Sales'),
    name: str('Optional label.', 'Second line'),
    detail: str('Additional notes.', ''),
    groupcall: {
      type: 'object',
      description: 'With type groupcall: what the nested groupcall dials.',
      properties: {
        destinations: { type: 'array', minItems: 1, items: ref('GroupcallDestinationInput'), description: 'Its destinations (nested ones too).' },
        ring_method: oneOf(RING_METHODS, 'Default ring_all.', 'linear'),
        dial_timeout: int("Each of its legs' dial timeout, ms (default: its master's).", 30000),
      },
      required: ['destinations'],
    },
  },
  required: ['type'],
};

/** A groupcall (VoIPBIN's CallManagerGroupcall): docs/groupcalls.md. */
export const groupcallSchema = record("A groupcall (VoIPBIN's CallManagerGroupcall): several legs, the first answer wins.", {
  id: uuid('The groupcall.'),
  customer_id: uuid('Its customer.'),
  flow_id: uuid('The flow the winning leg runs; the all-zero UUID for none.', ZERO_UUID_TEXT),
  source: ref('Address'),
  destinations: list(ref('GroupcallDestination'), 'The destinations, in dial order.'),
  master_call_id: uuid("The call whose flow's connect rings this groupcall; the all-zero UUID for none.", ZERO_UUID_TEXT),
  master_groupcall_id: uuid('The groupcall this one is nested in; the all-zero UUID for none.', ZERO_UUID_TEXT),
  ring_method: oneOf(RING_METHODS, 'ring_all: every destination at once; linear: one after another.', 'ring_all'),
  answer_method: { type: 'string', enum: [...ANSWER_METHODS], description: 'hangup_others: the first answer cancels the other legs; "": they are left alone.', example: 'hangup_others' },
  answer_call_id: uuid('The leg that answered first, at any level of nesting; the all-zero UUID before.', ZERO_UUID_TEXT),
  answer_groupcall_id: uuid('The nested groupcall the answer came through; the all-zero UUID when none (or a leg of this one answered).', ZERO_UUID_TEXT),
  call_ids: list(uuid('A leg.'), 'The legs dialled so far, in dial order.'),
  groupcall_ids: list(uuid('A nested groupcall.'), 'The nested groupcalls dialled so far, in dial order.'),
  call_count: int('Legs not hung up yet.', 2),
  groupcall_count: int('Nested groupcalls not ended yet.', 0),
  dial_index: int('The destination being dialled (linear); 0 for ring_all.', 0),
  dial_timeout: int("Each leg's dial timeout, ms.", 30000),
  status: oneOf(GROUPCALL_STATUSES, 'progressing, hangingup, then hangup once every leg ended.', 'progressing'),
  tm_create: time('Created.'),
  tm_update: time('Last changed.'),
  tm_hangup: time('Ended ("9999-01-01 00:00:00.000000" before).'),
  tm_delete: time('Deleted ("9999-01-01 00:00:00.000000" before).'),
});

export const GROUPCALL_SCHEMAS: Readonly<Record<string, Schema>> = { GroupcallDestination: destination, GroupcallDestinationInput: destinationInput };

export const groupcallEventSchema = record("One of a groupcall's events.", {
  type: str('The event.', 'groupcall_progressing'),
  sequence: int("Order among the groupcall's events, from 1.", 2),
  tm_create: time('When it happened.'),
  data: GROUPCALL,
});

const createGroupcall = input('The groupcall to make.', {
  source: ref('Address'),
  destinations: { type: 'array', minItems: 1, items: ref('GroupcallDestinationInput'), description: `The legs, and nested groupcalls (at most ${MAX_GROUPCALL_LEGS} legs in all).` },
  flow_id: uuid('A saved flow for the winning leg; wins over actions.'),
  actions: { type: 'array', items: ref('ActionInput'), description: 'Inline actions for the winning leg.' },
  ring_method: oneOf(RING_METHODS, 'Default ring_all.', 'ring_all'),
  answer_method: { type: 'string', enum: [...ANSWER_METHODS], description: 'Default hangup_others.', example: 'hangup_others' },
  dial_timeout: int("Each leg's dial timeout, ms (default 30000).", 30000),
}, ['source', 'destinations']);

const one = (description: string) => ({ status: 200, description, schema: GROUPCALL });

export const GROUPCALL_OPERATIONS: readonly Operation[] = [
  { method: 'post', path: '/v1.0/groupcalls', tag, summary: 'Make a groupcall', body: createGroupcall, bodyRequired: true, ok: one('The groupcall, progressing.'), errors: [400, 404] },
  { method: 'get', path: '/v1.0/groupcalls', tag, summary: 'List groupcalls', query: PAGE_QUERY, ok: { status: 200, description: 'A page.', schema: page('Groupcall') }, errors: [400] },
  { method: 'get', path: '/v1.0/groupcalls/{id}', tag, summary: 'Get a groupcall', ok: one('The groupcall.'), errors: [400, 404] },
  {
    method: 'get',
    path: '/v1.0/groupcalls/{id}/events',
    tag,
    summary: "A groupcall's events",
    ok: { status: 200, description: 'Its events in order.', schema: page('GroupcallEvent') },
    errors: [400, 404],
  },
  { method: 'post', path: '/v1.0/groupcalls/{id}/hangup', tag, summary: 'Hang a groupcall up', description: 'Every leg is hung up; it ends once the last one did.', ok: one('The groupcall, hangingup or hangup.'), errors: [400, 404, 409] },
  { method: 'delete', path: '/v1.0/groupcalls/{id}', tag, summary: 'Delete a groupcall', description: 'Hangs it up first; it leaves the list.', ok: one('The groupcall.'), errors: [400, 404] },
];
