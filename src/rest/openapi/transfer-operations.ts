import { PAGE_QUERY, type Operation } from './operation';
import { input, int, list, oneOf, page, record, ref, str, time, uuid, type Schema } from './schema-kit';

const tag = 'Transfer';
const STATUSES = ['dialing', 'ringing', 'consulting', 'completed', 'cancelled', 'failed'] as const;
const TYPES = ['blind', 'attended'] as const;
const RING_METHODS = ['ring_all', 'linear'] as const;

const transfer = record('A transfer of a caller from its transferer to a transferee (the consult call).', {
  id: uuid('The transfer.'),
  transfer_id: uuid("The same as id (the spec's transfer_completed webhook name)."),
  customer_id: uuid('The customer that owns it.'),
  type: oneOf(TYPES, 'blind, or attended (an attended one completed before the answer turns blind).', 'attended'),
  status: oneOf(STATUSES, 'Forward only: dialing → ringing → consulting → completed | cancelled | failed.', 'ringing'),
  transferer_call_id: uuid('The call that asked for the transfer.'),
  caller_call_id: uuid('The call handed over (the transferer\'s master).'),
  consult_call_id: uuid("The transferee's call, chained to the caller: the one consult call, or with several destinations the leg that answered first (the all-zero UUID until then)."),
  from_call_id: uuid('The same as caller_call_id (the spec\'s webhook name).'),
  to_call_id: uuid('The same as consult_call_id (the spec\'s webhook name).'),
  destination: ref('Address'),
  destinations: list(ref('Address'), 'Every transferee asked for (destination is the first); several ring as the groupcall groupcall_id.'),
  ring_method: oneOf(RING_METHODS, 'How several transferees ring: all at once, or one at a time in order (each for timeout ms).', 'ring_all'),
  groupcall_id: uuid('The groupcall of several transferees (legs chained to the caller); the all-zero UUID for one.'),
  consult_call_ids: list(uuid('A call to a transferee.'), 'Every call to a transferee: the one consult call, or the groupcall\'s legs in destination order.'),
  context: { type: 'object', description: 'The JSON object handed to the transferee (at most 16 KB).', example: { ticket: 42 } },
  timeout: int('Ms the transferee may ring.', 30000),
  fallback_flow_id: uuid('The flow the caller goes on with when a blind transfer fails (a temporary one holding fallback.actions); the all-zero UUID for none.'),
  fallback_actions: list({ type: 'object' }, 'The fallback actions as given ([] for none or a fallback flow).'),
  reason: str("Why it ended as it did: '', busy, no_answer, failed, transferee_hangup, cancelled, caller_hangup.", ''),
  tm_create: time('Created.'),
  tm_update: time('Last changed.'),
  tm_ringing: time('The transferee rang.'),
  tm_answer: time('The transferee answered.'),
  tm_end: time('Ended.'),
});

const started = record('The transfer just started.', {
  transfer_id: uuid('The transfer.'),
  consult_call_id: uuid("The call to the transferee (several destinations: the all-zero UUID until one answers; see transfer.consult_call_ids)."),
  status: oneOf(STATUSES, 'Its status (dialing).', 'dialing'),
  transfer: ref('Transfer'),
});

const voipbinTransfer = record("VoIPBIN's TransferManagerTransfer.", {
  id: uuid('The transfer.'),
  customer_id: uuid('The customer that owns it.'),
  type: oneOf(TYPES, 'The type.', 'blind'),
  transferer_call_id: uuid('The call that asked for the transfer.'),
  transferee_addresses: list(ref('Address'), 'The destinations.'),
  transferee_call_id: uuid('The call being transferred (VoIPBIN\'s word for the caller).'),
  groupcall_id: uuid('The groupcall several transferee addresses ring as; the all-zero UUID for one.'),
  confbridge_id: uuid('The all-zero UUID (the consult is a bridge, not a conference).'),
  tm_create: time('Created.'),
  tm_update: time('Last changed.'),
  tm_delete: time('Never deleted.'),
});

const transferEvent = record('A change of a transfer.', {
  type: str('The event.', 'transfer_completed'),
  sequence: int('Its place among the transfer\'s events.', 4),
  tm_create: time('When.'),
  data: ref('Transfer'),
});

export const TRANSFER_SCHEMAS: Readonly<Record<string, Schema>> = { Transfer: transfer, TransferStarted: started, TransferManagerTransfer: voipbinTransfer, TransferEvent: transferEvent };

const address = ref('Address');
const startBody = input(
  'A transfer of the caller bridged with this call.',
  {
    type: oneOf(TYPES, 'blind or attended.', 'attended'),
    destination: address,
    destinations: list(address, 'Instead of destination: one or more addresses (at most 100); several ring as a groupcall and the first to answer is the transferee.'),
    ring_method: oneOf(RING_METHODS, 'Several destinations: ring_all (default) or linear (one at a time, each for timeout ms).', 'ring_all'),
    context: { type: 'object', description: 'A JSON object of at most 16 KB, carried by transfer_completed.' },
    timeout: int('Ms the transferee may ring (1000-600000; default 30000).', 30000),
    fallback: input('Blind: what the caller goes on with when the transferee is busy, does not answer or fails: flow_id or actions, not both.', {
      flow_id: uuid('A saved flow of yours.'),
      actions: list({ type: 'object' }, 'Flow actions, checked as a flow\'s are.'),
    }),
  },
  ['type'],
);
const one = (schema: string, description: string) => ({ status: 200, description, schema: ref(schema) });

export const TRANSFER_OPERATIONS: readonly Operation[] = [
  {
    method: 'post',
    path: '/v1.0/calls/{id}/transfer',
    tag,
    summary: 'Transfer the caller bridged with this call',
    description: 'The call must be answered and chained to an answered caller (a connect\'s leg); 409 otherwise, or while another transfer is in progress. An Idempotency-Key header makes a retried request answer the first transfer.',
    body: startBody,
    bodyRequired: true,
    ok: one('TransferStarted', 'The transfer, dialing.'),
    errors: [400, 404, 409, 413],
  },
  {
    method: 'post',
    path: '/v1.0/transfers',
    tag,
    summary: "Start a transfer (VoIPBIN's body)",
    body: input('VoIPBIN\'s transfer request.', { transfer_type: oneOf(TYPES, 'blind or attended.', 'blind'), transferer_call_id: uuid('The transferer.'), transferee_addresses: list(address, 'One or more addresses; several ring at once, the first to answer is the transferee.') }, ['transfer_type', 'transferer_call_id', 'transferee_addresses']),
    bodyRequired: true,
    ok: one('TransferManagerTransfer', 'The transfer.'),
    errors: [400, 404, 409, 413],
  },
  { method: 'get', path: '/v1.0/transfers', tag, summary: 'List transfers', query: PAGE_QUERY, ok: { status: 200, description: 'A page.', schema: page('Transfer') }, errors: [400] },
  { method: 'get', path: '/v1.0/transfers/{id}', tag, summary: 'Get a transfer', ok: one('Transfer', 'The transfer.'), errors: [400, 404] },
  { method: 'get', path: '/v1.0/transfers/{id}/events', tag, summary: "A transfer's events", ok: { status: 200, description: 'Oldest first.', schema: page('TransferEvent') }, errors: [400, 404] },
  { method: 'post', path: '/v1.0/transfers/{id}/complete', tag, summary: 'Complete a transfer', description: 'Before the answer it turns blind.', ok: one('Transfer', 'The transfer.'), errors: [400, 404, 409] },
  { method: 'post', path: '/v1.0/transfers/{id}/cancel', tag, summary: 'Cancel a transfer', ok: one('Transfer', 'The transfer.'), errors: [400, 404, 409] },
];
