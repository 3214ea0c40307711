import { ANSWER_METHODS, GROUPCALL_STATUSES, RING_METHODS } from '../../domain/groupcall';
import { PAGE_QUERY, type Operation } from './operation';
import { input, int, list, oneOf, page, record, ref, str, time, uuid, ZERO_UUID_TEXT, type Schema } from './schema-kit';

const GROUPCALL: Schema = ref('Groupcall');
const tag = 'Groupcall';

/** A groupcall (VoIPBIN's CallManagerGroupcall): docs/groupcalls.md. */
export const groupcallSchema = record("A groupcall (VoIPBIN's CallManagerGroupcall): several legs, the first answer wins.", {
  id: uuid('The groupcall.'),
  customer_id: uuid('Its customer.'),
  flow_id: uuid('The flow the winning leg runs; the all-zero UUID for none.', ZERO_UUID_TEXT),
  source: ref('Address'),
  destinations: list(ref('Address'), 'The destinations, in dial order.'),
  master_call_id: uuid('Always the all-zero UUID (a flow connect is not a groupcall yet).', ZERO_UUID_TEXT),
  master_groupcall_id: uuid('Always the all-zero UUID (nesting is not built yet).', ZERO_UUID_TEXT),
  ring_method: oneOf(RING_METHODS, 'ring_all: every destination at once; linear: one after another.', 'ring_all'),
  answer_method: { type: 'string', enum: [...ANSWER_METHODS], description: 'hangup_others: the first answer cancels the other legs; "": they are left alone.', example: 'hangup_others' },
  answer_call_id: uuid('The leg that answered first; the all-zero UUID before.', ZERO_UUID_TEXT),
  answer_groupcall_id: uuid('Always the all-zero UUID (nesting is not built yet).', ZERO_UUID_TEXT),
  call_ids: list(uuid('A leg.'), 'The legs dialled so far, in dial order.'),
  groupcall_ids: list(uuid('A nested groupcall.'), 'Always empty (nesting is not built yet).'),
  call_count: int('Legs not hung up yet.', 2),
  groupcall_count: int('Always 0.', 0),
  dial_index: int('The destination being dialled (linear); 0 for ring_all.', 0),
  dial_timeout: int("Each leg's dial timeout, ms.", 30000),
  status: oneOf(GROUPCALL_STATUSES, 'progressing, hangingup, then hangup once every leg ended.', 'progressing'),
  tm_create: time('Created.'),
  tm_update: time('Last changed.'),
  tm_hangup: time('Ended ("9999-01-01 00:00:00.000000" before).'),
  tm_delete: time('Deleted ("9999-01-01 00:00:00.000000" before).'),
});

export const groupcallEventSchema = record("One of a groupcall's events.", {
  type: str('The event.', 'groupcall_progressing'),
  sequence: int("Order among the groupcall's events, from 1.", 2),
  tm_create: time('When it happened.'),
  data: GROUPCALL,
});

const createGroupcall = input('The groupcall to make.', {
  source: ref('Address'),
  destinations: { type: 'array', minItems: 1, items: ref('Address'), description: 'The legs (at most 100).' },
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
