import { RECORDING_CHANNELS, RECORDING_DIRECTIONS, RECORDING_FORMATS } from '../../domain/recording';
import { PAGE_QUERY, type Operation } from './operation';
import { input, int, list, oneOf, page, ref, str, uuid, ZERO_UUID_TEXT, type Schema } from './schema-kit';

const CALL: Schema = ref('Call');
const tag = 'Call';

const createCalls = input('The calls to make: one per destination, from one source.', {
  source: ref('Address'),
  destinations: { type: 'array', minItems: 1, items: ref('Address'), description: 'Where to call: each gets its own call.' },
  flow_id: uuid('A saved flow to run on answer (the all-zero UUID for none); wins over actions.'),
  actions: { type: 'array', items: ref('ActionInput'), description: 'Inline actions, run as a flow of this call.' },
  early_execution: { type: 'boolean', description: 'Start the flow while ringing.', example: false },
  dial_timeout: int('How long to ring, in milliseconds (default 30000).', 30000),
  master_call_id: uuid('Chain the new calls to this one: they hang up with it.', ZERO_UUID_TEXT),
  variables: {
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "Seeds the flow's variables (read as ${name}): strings only, at most 100, 32 KB each, 64 KB in all; names under voipbin. are the product's own and are dropped.",
    example: { customer_name: 'Jane Doe' },
  },
}, ['source', 'destinations']);

const created = {
  type: 'object',
  description: 'The calls made, and the groupcalls (none: groupcalls are not served yet).',
  properties: {
    calls: list(CALL, 'One per destination, in order.'),
    groupcalls: { type: 'array', maxItems: 0, items: { type: 'object' }, description: 'Always empty until groupcalls are served.' },
  },
  required: ['calls', 'groupcalls'],
  additionalProperties: false,
};

const mute = input('Which way to mute.', { direction: oneOf(['both', 'in', 'out'], 'in: the far end is not heard; out: it hears nothing; both (default).', 'both') });

const recordingStart = input('How to record.', {
  format: oneOf(RECORDING_FORMATS, 'File format (default wav).', 'wav'),
  direction: oneOf(RECORDING_DIRECTIONS, 'Whose voice (default both).', 'both'),
  channels: oneOf(RECORDING_CHANNELS, 'Mixed or stereo (default mixed).', 'mixed'),
  end_of_silence: int('Seconds of silence that end it; 0: none.', 0),
  end_of_key: str("Keys that end it; '' none.", '#'),
  duration: int('The longest it may run, in seconds; 0: until stopped.', 0),
  on_end_flow_id: uuid('Must be the all-zero UUID or absent: running a flow at the end is not supported yet.', ZERO_UUID_TEXT),
});

const media = (path: string, summary: string, undo: string, body?: Schema): Operation[] => [
  { method: 'post', path: `/v1.0/calls/{id}/${path}`, tag, summary, body, ok: { status: 200, description: 'The call afterwards.', schema: CALL }, errors: [400, 404, 409] },
  { method: 'delete', path: `/v1.0/calls/{id}/${path}`, tag, summary: undo, body, ok: { status: 200, description: 'The call afterwards.', schema: CALL }, errors: [400, 404, 409] },
];

export const CALL_OPERATIONS: readonly Operation[] = [
  { method: 'post', path: '/v1.0/calls', tag, summary: 'Make outgoing calls', body: createCalls, bodyRequired: true, ok: { status: 200, description: 'The calls, dialing.', schema: created }, errors: [400, 404, 413] },
  { method: 'get', path: '/v1.0/calls', tag, summary: 'List calls', query: PAGE_QUERY, ok: { status: 200, description: 'A page of calls.', schema: page('Call') }, errors: [400] },
  { method: 'get', path: '/v1.0/calls/{id}', tag, summary: 'Get a call', ok: { status: 200, description: 'The call.', schema: CALL }, errors: [400, 404] },
  { method: 'delete', path: '/v1.0/calls/{id}', tag, summary: 'Delete a call (hangs it up first)', ok: { status: 200, description: 'The call.', schema: CALL }, errors: [400, 404, 409] },
  { method: 'post', path: '/v1.0/calls/{id}/hangup', tag, summary: 'Hang up a call', ok: { status: 200, description: 'The call, canceling or terminating.', schema: CALL }, errors: [400, 404, 409] },
  { method: 'get', path: '/v1.0/calls/{id}/events', tag, summary: "A call's history", description: 'Every event of the call, oldest first, each with the call as it was right after.', ok: { status: 200, description: 'The events.', schema: page('CallEvent') }, errors: [400, 404] },
  ...media('hold', 'Put a call on hold', 'Take a call off hold'),
  ...media('moh', 'Play music on hold', 'Stop music on hold'),
  ...media('silence', 'Silence what the far end hears', 'End the silence'),
  ...media('mute', 'Mute a call', 'Unmute a call', mute),
  {
    method: 'post',
    path: '/v1.0/calls/{id}/dtmf',
    tag,
    summary: 'Send DTMF tones',
    body: input('The tones.', { digits: str('0-9, A-D, * and #; at most 100.', '12#'), duration: int('Each tone, ms (100-1000).', 250), interval: int('Between tones, ms (0-5000).', 100) }, ['digits']),
    bodyRequired: true,
    ok: { status: 200, description: 'The call.', schema: CALL },
    errors: [400, 404, 409],
  },
  {
    method: 'post',
    path: '/v1.0/calls/{id}/talk',
    tag,
    summary: 'Speak text to the far end',
    body: input('What to say.', { text: str('The text.', 'Your order has shipped.'), language: str('BCP 47 language.', 'en-US'), provider: str('Accepted and ignored: the product has one speech engine.', ''), voice_id: str('Accepted and ignored.', '') }, ['text']),
    bodyRequired: true,
    ok: { status: 200, description: 'The call, once the speech has started.', schema: CALL },
    errors: [400, 404, 409],
  },
  { method: 'post', path: '/v1.0/calls/{id}/recording_start', tag, summary: 'Start recording a call', body: recordingStart, ok: { status: 200, description: 'The call, with its recording_id.', schema: CALL }, errors: [400, 404, 409] },
  { method: 'post', path: '/v1.0/calls/{id}/recording_stop', tag, summary: 'Stop recording a call', ok: { status: 200, description: 'The call.', schema: CALL }, errors: [400, 404, 409] },
  { method: 'get', path: '/v1.0/calls/{id}/recordings', tag: 'Recording', summary: "A call's recordings", ok: { status: 200, description: 'Every recording of the call, newest first.', schema: page('Recording') }, errors: [400, 404] },
];
