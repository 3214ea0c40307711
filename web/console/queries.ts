const SUMMARY = 'id status direction createdAt hangupBy hangupReason masterCallId source { type target } destination { type target }';
const ACTION = 'id type option executedAt error';

export const CALLS = `query Calls { calls(first: 50) { edges { node { ${SUMMARY} } } } }`;

export const CALL = `query Call($id: ID!) { call(id: $id) {
  ${SUMMARY} ringingAt progressingAt hangupAt
  events { type sequence occurredAt }
  activeflow { id status flowId currentAction { ${ACTION} } executedActions { ${ACTION} } }
  chainedCalls { ${SUMMARY} }
  groupcall { id status ringMethod calls { ${SUMMARY} } }
  transfers { id type status callerCall { ${SUMMARY} } transfererCall { ${SUMMARY} } consultCalls { ${SUMMARY} } }
  recordings { id status format duration downloadUrl }
} }`;

/** Every change of every call of yours (no callId), or of one call. */
export const CALL_EVENTS = `subscription CallEvents($callId: ID) { callEvents(callId: $callId) { type sequence call { ${SUMMARY} } } }`;

export const NUMBERS = 'query Numbers { numbers(first: 100) { edges { node { number } } } }';

export const CREATE_CALL = `mutation CreateCall($input: CreateCallsInput!) { createCalls(input: $input) { id } }`;

export const WEBHOOKS = 'query Webhooks { webhooks { id name url } }';

export const DELIVERIES = 'query Deliveries($webhookId: ID!) { webhookDeliveries(webhookId: $webhookId, first: 100) { id webhookId eventType sequence status attempts httpCode error lastAttemptAt resourceId } }';
