import type { AddressInput } from '../domain/address';
import type { GroupcallDestinationInput, NestedGroupcallInput } from '../domain/groupcall-destinations';
import { invalidArgument } from '../domain/errors';
import type { CreateCallsInput } from '../services/create-calls';
import type { CreateGroupcallInput } from '../services/groupcall-service';
import type { ProviderCallInput } from '../services/provider-call-service';
import { ZERO_UUID } from '../services/ids';

type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** VoIPBIN's address keys to the service's; anything that is not an object goes on for the service to refuse. */
export const addressFrom = (value: unknown): AddressInput | null =>
  isObject(value) ? { type: value.type, target: value.target, targetName: value.target_name, name: value.name, detail: value.detail } : (value as null);

/** VoIPBIN clients write "none" as the all-zero UUID. */
const optionalId = (value: unknown): unknown => (value === ZERO_UUID ? null : value);

/**
 * The body of `POST /v1.0/calls` as the service's input. Only the shape is translated here
 * (snake_case keys, zero UUIDs); the service validates every value and names the field at fault,
 * so the casts below hand it whatever the client sent.
 */
export function createCallsInputFrom(body: unknown): CreateCallsInput {
  const json = objectBody(body);
  return {
    ...dialFieldsFrom(json),
    earlyExecution: json.early_execution as boolean | null,
    masterCallId: optionalId(json.master_call_id) as string | null,
    variables: json.variables,
  };
}

function objectBody(body: unknown): Json {
  if (!isObject(body)) throw invalidArgument('body', 'must be a JSON object');
  return body;
}

/** The fields calls and groupcalls share: who calls whom, with which flow, for how long. */
function dialFieldsFrom(body: Json) {
  const { destinations } = body;
  return {
    source: addressFrom(body.source),
    destinations: Array.isArray(destinations) ? destinations.map(addressFrom) : (destinations as null),
    flowId: optionalId(body.flow_id) as string | null,
    actions: body.actions as unknown[] | null,
    dialTimeout: body.dial_timeout as number | null,
  };
}

/** The body of `POST /v1.0/groupcalls` as the service's input (the service validates every value). */
export function createGroupcallInputFrom(body: unknown): CreateGroupcallInput {
  const json = objectBody(body);
  const { destinations } = json;
  return {
    ...dialFieldsFrom(json),
    destinations: Array.isArray(destinations) ? destinations.map(groupcallDestinationFrom) : (destinations as null),
    ringMethod: json.ring_method,
    answerMethod: json.answer_method,
  };
}

/** What a nested groupcall takes from its master; sent inside it, it is refused naming the field. */
const INHERITED = ['source', 'flow_id', 'actions', 'answer_method'];

/** A groupcall's destination: an address, or `{"type": "groupcall", "groupcall": {destinations, ring_method, dial_timeout}}`. */
function groupcallDestinationFrom(value: unknown): GroupcallDestinationInput | null {
  if (!isObject(value)) return value as null;
  const nested = value.groupcall;
  return { ...(addressFrom(value) as AddressInput), groupcall: isObject(nested) ? nestedGroupcallFrom(nested) : (nested as null) };
}

function nestedGroupcallFrom(json: Json): NestedGroupcallInput {
  const { destinations } = json;
  return {
    destinations: Array.isArray(destinations) ? destinations.map(groupcallDestinationFrom) : destinations,
    ringMethod: json.ring_method,
    dialTimeout: json.dial_timeout,
    inherited: INHERITED.filter((key) => key in json),
  };
}

/** The body of `POST /v1.0/providercalls` as the service's input (the service validates every value). */
export function providerCallInputFrom(body: unknown): ProviderCallInput {
  const json = objectBody(body);
  const { source, destinations, flowId, actions } = dialFieldsFrom(json);
  return { providerId: json.provider_id, source, destinations, flowId, actions, anonymous: json.anonymous };
}
