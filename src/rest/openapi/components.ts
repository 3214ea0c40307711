import { GROUPCALL_SCHEMAS, groupcallEventSchema, groupcallSchema } from './groupcall-operations';
import { FLOW_ACTION_TYPES, ACTION_TYPE_ALIASES } from '../../domain/flow/action-types';
import { RECORDING_CHANNELS, RECORDING_DIRECTIONS, RECORDING_FORMATS, RECORDING_STATUSES } from '../../domain/recording';
import { bool, int, list, num, oneOf, record, ref, str, time, uuid, ZERO_UUID_TEXT, type Schema } from './schema-kit';

const ADDRESS_TYPES = ['', 'agent', 'conference', 'email', 'extension', 'line', 'sip', 'tel', 'web_session'];
const CALL_STATUSES = ['dialing', 'ringing', 'progressing', 'terminating', 'canceling', 'hangup'];
const HANGUP_REASONS = ['', 'normal', 'failed', 'busy', 'cancel', 'timeout', 'noanswer', 'dialout', 'amd'];
const MUTE_DIRECTIONS = ['', 'both', 'out', 'in'];
const WEBHOOK_METHODS = ['', 'POST', 'GET', 'PUT', 'DELETE'];


const address = record('A source or destination.', {
  type: oneOf(ADDRESS_TYPES, 'Type of address.', 'tel'),
  target: str('The endpoint: an E.164 number for tel, a SIP URI for sip.', '+14155551234'),
  target_name: str("The target's display name.", 'John Smith'),
  name: str('Optional label for this address.', 'Main Office'),
  detail: str('Additional notes about this address.', ''),
});

/** A flow action as answers carry it; next_id and tm_execute where the product knows them. */
const action: Schema = {
  type: 'object',
  description: 'A flow action. Options depend on `type`.',
  properties: {
    id: uuid('The action\'s id within its flow.'),
    next_id: uuid('The action that follows; the all-zero UUID for none.', ZERO_UUID_TEXT),
    type: oneOf(FLOW_ACTION_TYPES, 'The type of action (VoIPBIN\'s names).', 'talk'),
    option: { type: 'object', additionalProperties: true, description: 'The options of this type of action.', example: { text: 'Hello', language: 'en-US' } },
    tm_execute: time('When the action started.'),
    error: str('Why the action failed (the flow moved on).', 'the call was not answered'),
  },
  required: ['id', 'type'],
  additionalProperties: false,
};

/** A flow action as a client writes it: the documentation's spellings are taken as aliases. */
const actionInput: Schema = {
  type: 'object',
  description: 'A flow action. `id` is given when missing; record_start, record_stop and dtmf_send are taken for recording_start, recording_stop and digits_send.',
  properties: {
    id: uuid("The action's id within its flow (branch and goto name it)."),
    type: oneOf([...FLOW_ACTION_TYPES, ...Object.keys(ACTION_TYPE_ALIASES)], 'The type of action.', 'talk'),
    option: { type: 'object', additionalProperties: true, description: 'The options of this type of action.', example: { text: 'Hello', language: 'en-US' } },
  },
  required: ['type'],
};

const call = record('A call (VoIPBIN\'s CallManagerCall).', {
  id: uuid('The call.'),
  customer_id: uuid('The customer that owns the call.'),
  owner_type: str("Type of the call's owner; '' (the product has no agents or queues).", ''),
  owner_id: uuid("The call's owner; the all-zero UUID for none.", ZERO_UUID_TEXT),
  flow_id: uuid('The flow the call runs; the all-zero UUID for none.'),
  activeflow_id: uuid("The flow's execution on this call (GET /v1.0/activeflows/{id}); the all-zero UUID for none."),
  type: oneOf(['', 'flow', 'conference', 'sip-service'], 'The type of the call.', 'flow'),
  master_call_id: uuid('The call this one is chained to; the all-zero UUID for none.', ZERO_UUID_TEXT),
  chained_call_ids: list(uuid('A chained call.'), 'Calls chained to this one, oldest first.'),
  recording_id: uuid('The current recording; the all-zero UUID for none.', ZERO_UUID_TEXT),
  recording_ids: list(uuid('A recording.'), 'Every recording of the call.'),
  groupcall_id: { type: ['string', 'null'], format: 'uuid', description: 'The groupcall this call is a leg of; null when none.', example: null },
  source: ref('Address'),
  destination: ref('Address'),
  status: oneOf(CALL_STATUSES, 'The call\'s status (forward only).', 'progressing'),
  action: { ...ref('Action'), description: 'The action being carried out; absent before the first one.' },
  direction: oneOf(['incoming', 'outgoing'], 'Direction of the call.', 'outgoing'),
  mute_direction: oneOf(MUTE_DIRECTIONS, "'' when not muted.", ''),
  hold: bool('Whether the call is on hold.'),
  hangup_by: oneOf(['', 'remote', 'local'], "Who hung up; '' before the hangup.", ''),
  hangup_reason: oneOf(HANGUP_REASONS, "Why the call ended; '' before the hangup.", ''),
  dial_timeout: int('How long the call rings before it gives up, in milliseconds.', 30000),
  early_execution: bool('Whether the flow started before the answer.'),
  attempts: list(ref('CallAttempt'), "An outgoing tel call's tries, one per provider, oldest first (route failover; not in VoIPBIN's shape). Empty for other calls."),
  tm_create: time('When the call was created.'),
  tm_update: time('The last change.'),
  tm_progressing: time('The answer.'),
  tm_ringing: time('The first ring.'),
  tm_hangup: time('The hangup.'),
  tm_delete: time('The deletion.'),
}, ['action']);

const callAttempt = record('One try of an outgoing tel call through one provider.', {
  provider_id: uuid('The provider (GET /v1.0/providers/{id}); the all-zero UUID for the single default provider.'),
  provider_name: str('The provider\'s name ("default" for the default provider).', 'carrier-a'),
  cause: int('The Q.850 cause the attempt ended with; 0 while it is up.', 34),
  hangup_reason: oneOf(HANGUP_REASONS, "Why the attempt ended ('' while up): failed for one that failed over; the last attempt's is the call's.", 'failed'),
  tm_start: time('The attempt started.'),
  tm_end: time('The attempt ended.'),
});

const callEvent = record("One entry of a call's history.", {
  type: str('The event.', 'call_answered'),
  sequence: int('Order among the call\'s events, from 1.', 3),
  tm_create: time('When it happened.'),
  data: ref('Call'),
});

const timelineEvent = record("One event of a resource's timeline (VoIPBIN's TimelineManagerEvent).", {
  timestamp: time('When it happened.'),
  event_type: str('The event.', 'call_created'),
  data: { type: 'object', description: 'The resource right after the change, in its REST shape (as webhooks carry it).', additionalProperties: true, example: {} },
});

const recording = record('A recording of a call (VoIPBIN\'s CallManagerRecording).', {
  id: uuid('The recording.'),
  customer_id: uuid('The customer that owns it.'),
  owner_type: str('What the recording belongs to.', 'call'),
  owner_id: uuid('The call it belongs to.'),
  reference_type: oneOf(['call'], 'What was recorded.', 'call'),
  reference_id: uuid('The call recorded.'),
  activeflow_id: uuid("The call's activeflow; the all-zero UUID for none."),
  on_end_flow_id: uuid('The flow to run when the recording ends; the all-zero UUID (running one is not supported yet).', ZERO_UUID_TEXT),
  status: oneOf(RECORDING_STATUSES, 'The recording\'s status.', 'ended'),
  format: oneOf(RECORDING_FORMATS, 'The file format.', 'wav'),
  direction: oneOf(RECORDING_DIRECTIONS, 'Whose voice: in (the far end), out (what the far end hears), both.', 'both'),
  channels: oneOf(RECORDING_CHANNELS, 'One mixed channel, or the two directions apart.', 'mixed'),
  end_of_silence: int('Seconds of silence that end it; 0: none.', 0),
  end_of_key: str("Keys that end it; '' none.", '#'),
  max_duration: int('The longest it may run, in seconds; 0: until stopped.', 0),
  duration: num('The length of the recording, in seconds (the stored file\'s; 0 until it ends).', 3.2),
  filename: str("The file's name; '' until stored.", 'e5f6a7b8-c9d0-1234-5678-90abcdef0123.wav'),
  url: str("A signed download URL valid for an hour; '' until stored.", 'https://api.example.com/v1.0/recordingfiles/e5f6a7b8-c9d0-1234-5678-90abcdef0123/download?expires=1768470600&signature=9f2c'),
  tm_start: time('The start.'),
  tm_end: time('The end.'),
  tm_create: time('The creation.'),
  tm_update: time('The last change.'),
  tm_delete: time('The deletion.'),
});

const activeflow = record('One execution of a flow (VoIPBIN\'s FlowManagerActiveflow).', {
  id: uuid('The activeflow.'),
  customer_id: uuid('The customer.'),
  flow_id: uuid('The flow executed.'),
  status: oneOf(['running', 'ended'], 'Running, or ended.', 'running'),
  reference_type: oneOf(['call'], 'What it runs on: always a call here.', 'call'),
  reference_id: uuid('The call it runs on.'),
  on_complete_flow_id: uuid("The flow's on_complete_flow_id; the all-zero UUID for none.", ZERO_UUID_TEXT),
  forward_action_id: uuid('The action the flow is told to jump to next; the all-zero UUID for none.', ZERO_UUID_TEXT),
  current_action: { ...ref('Action'), description: 'The action being carried out; absent before the first one.' },
  executed_actions: list(ref('Action'), 'The actions carried out, oldest first (the last 500).'),
  variables: { type: 'object', additionalProperties: { type: 'string' }, description: 'The flow variables.', example: { 'voipbin.call.digits': '1' } },
  tm_create: time('The start.'),
  tm_update: time('The last move.'),
  tm_end: time('The end.'),
  tm_delete: time('The deletion.'),
}, ['current_action']);

const flow = record('A saved flow (VoIPBIN\'s FlowManagerFlow).', {
  id: uuid('The flow.'),
  customer_id: uuid('The customer.'),
  type: oneOf(['flow'], 'The type of flow.', 'flow'),
  name: str('Name.', 'Inbound handler'),
  detail: str('Description.', 'Greets and connects'),
  actions: list(ref('Action'), 'The actions, in order.'),
  on_complete_flow_id: uuid('The flow that runs after this one ends; the all-zero UUID for none.', ZERO_UUID_TEXT),
  tm_create: time('The creation.'),
  tm_update: time('The last change.'),
  tm_delete: time('The deletion.'),
});

const number = record('A phone number of the customer (VoIPBIN\'s NumberManagerNumber).', {
  id: uuid('The number.'),
  customer_id: uuid('The customer.'),
  number: str('E.164.', '+14155551234'),
  call_flow_id: uuid('The flow incoming calls run; the all-zero UUID: such calls are rejected.'),
  flow_id: uuid('The same as call_flow_id (the documentation\'s older name).'),
  message_flow_id: uuid('The flow incoming messages would run (stored; the product has no messaging); the all-zero UUID for none.', ZERO_UUID_TEXT),
  name: str('Name.', 'Support line'),
  detail: str('Details.', ''),
  status: oneOf(['active', 'deleted'], 'The status.', 'active'),
  t38_enabled: bool('T.38 fax (not supported: always false).'),
  emergency_enabled: bool('Emergency calling (not supported: always false).'),
  tm_create: time('The creation.'),
  tm_update: time('The last change.'),
  tm_delete: time('The deletion.'),
});

const customerProperties = {
  id: uuid('The customer.'),
  name: str('Name.', 'Acme Corporation'),
  detail: str('Details.', ''),
  email: str('Contact email.', 'admin@acme.com'),
  phone_number: str('Contact phone number.', '+14155551234'),
  address: str('Postal address.', ''),
  webhook_method: oneOf(WEBHOOK_METHODS, "The HTTP method of webhook deliveries; '' with no webhook_uri.", 'POST'),
  webhook_uri: str("Where every event of the customer is delivered (signed, retried, in order); '' for none.", 'https://api.acme.com/webhooks/voipbin'),
  webhook_secret: str('The secret deliveries to webhook_uri are signed with (X-VoIPBIN-Signature); only in the answer that set a new webhook_uri.', 'whsec_3q2-7wEhNz'),
  status: oneOf(['active', 'deleted'], 'The account\'s status.', 'active'),
  tm_create: time('The creation.'),
  tm_update: time('The last change.'),
  tm_delete: time('The deletion.'),
};
const customer = record("A customer (VoIPBIN's CustomerManagerCustomer).", customerProperties, ['webhook_secret']);
const createdCustomer = record(
  'The new customer, with its first access key.',
  { ...customerProperties, accesskey: record('The first access key.', { token: str('Shown this once.', 'Kq3v9XbT1mZ7') }) },
  ['webhook_secret'],
);

const accessKey = record('An access key (VoIPBIN\'s CustomerManagerAccesskey).', {
  id: uuid('The key.'),
  customer_id: uuid('The customer.'),
  name: str('Name.', 'Production'),
  detail: str('Details.', 'For the billing service'),
  token_prefix: str("The key's first 8 characters, to tell keys apart ('' for a short key an operator chose).", 'a3Bf9xKm'),
  token: str('The key itself: only in the answer of POST /v1.0/accesskeys.', 'vb_a3Bf9xKmPq2nR7sT4wYzLp8mN5qR1xWe'),
  tm_create: time('The creation.'),
  tm_update: time('The last change.'),
  tm_expire: time('When it stops working.'),
}, ['token']);

const user = record('A user who logs in with a password (POST /auth/login).', {
  id: uuid('The user.'),
  customer_id: uuid('The customer.'),
  username: str('Login name.', 'alice@example.com'),
  tm_create: time('The creation.'),
});

const me = record('Who the credentials are, in the shape of VoIPBIN\'s AgentManagerAgent.', {
  id: uuid('The user, or the access key, behind the request.'),
  customer_id: uuid('The customer.'),
  username: str("The user's login name; '' for an access key.", 'alice@example.com'),
  name: str("The user's login name or the access key's name.", 'alice@example.com'),
  detail: str("The access key's details; '' for a user.", ''),
  ring_method: oneOf(['ringall', 'linear'], 'Always ringall (the product has no agents).', 'ringall'),
  status: oneOf(['', 'available', 'away', 'busy', 'offline', 'ringing'], "Always '' (the product has no agents).", ''),
  permission: int('1 for the platform administrator (ProjectSuperAdmin), 32 otherwise (CustomerAdmin: every credential manages its whole customer).', 32, { enum: [1, 32] }),
  tag_ids: list(uuid('A tag.'), 'Always empty.'),
  addresses: list(ref('Address'), 'Always empty.'),
  tm_create: time('The creation.'),
  tm_update: time('The last change.'),
  tm_delete: time('The deletion.'),
});

const webhook = record('A webhook endpoint of the customer.', {
  id: uuid('The webhook.'),
  customer_id: uuid('The customer.'),
  name: str('Name.', 'Order system'),
  url: str('Where events are POSTed.', 'https://example.com/hooks/voipbin'),
  events: list(str('An event name, or *.', 'call_hungup'), 'The events delivered; ["*"] for all.'),
  status: oneOf(['active', 'disabled'], 'Disabled ones get nothing.', 'active'),
  secret: str('The signing secret: only in the answer of POST /v1.0/webhooks.', 'whsec_3q2-7wEhNz'),
  tm_create: time('The creation.'),
  tm_update: time('The last change.'),
}, ['secret']);

const webhookDelivery = record('One event delivered (or being delivered) to a webhook.', {
  id: uuid('The delivery.'),
  webhook_id: uuid('The webhook.'),
  event_id: str('The event (pass as page_token to page on).', '1234'),
  event_type: str('The event.', 'call_hungup'),
  resource_type: str('What changed.', 'call'),
  resource_id: uuid('Which one.'),
  sequence: int("Order among the resource's events.", 5),
  status: oneOf(['pending', 'delivered', 'failed', 'canceled'], 'Where it is.', 'delivered'),
  http_code: int('The last answer\'s HTTP status; 0 for none.', 200),
  attempts: int('Attempts so far.', 1),
  last_attempt: time('The last attempt.'),
  error: str("Why the last attempt failed; '' for none.", ''),
  tm_create: time('The creation.'),
});

const errorResponse: Schema = {
  type: 'object',
  description: "VoIPBIN's error body.",
  properties: {
    error: record('What went wrong.', {
      status: oneOf(['INVALID_ARGUMENT', 'UNAUTHENTICATED', 'PAYMENT_REQUIRED', 'PERMISSION_DENIED', 'NOT_FOUND', 'ALREADY_EXISTS', 'FAILED_PRECONDITION', 'RESOURCE_EXHAUSTED', 'UNAVAILABLE', 'INTERNAL'], 'Canonical status.', 'NOT_FOUND'),
      reason: str('The precise reason.', 'CALL_NOT_FOUND'),
      message: str('For a person.', 'The call was not found.'),
      request_id: str('The X-Request-Id of the request.', 'req_ABCDEF0123456789'),
    }),
  },
  required: ['error'],
  additionalProperties: false,
};

const login = record('A login token.', {
  username: str('The username logged in.', 'alice@example.com'),
  token: str('A JWT: use it wherever an access key goes.', 'eyJhbGciOiJIUzI1NiJ9.e30.sig'),
  expire: time('When it stops working.'),
});

export const SCHEMAS: Readonly<Record<string, Schema>> = {
  Address: address,
  Action: action,
  ActionInput: actionInput,
  Call: call,
  CallAttempt: callAttempt,
  CallEvent: callEvent,
  TimelineEvent: timelineEvent,
  Recording: recording,
  Activeflow: activeflow,
  Flow: flow,
  Number: number,
  Customer: customer,
  CreatedCustomer: createdCustomer,
  AccessKey: accessKey,
  User: user,
  Me: me,
  Webhook: webhook,
  WebhookDelivery: webhookDelivery,
  ErrorResponse: errorResponse,
  LoginAnswer: login,
  Groupcall: groupcallSchema,
  GroupcallEvent: groupcallEventSchema,
  ...GROUPCALL_SCHEMAS,
};
