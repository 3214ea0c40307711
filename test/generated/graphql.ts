/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** A flow action: what the call does once answered (talk, play, connect …). */
export type ActionInput = {
  id?: InputMaybe<Scalars['ID']['input']>;
  option?: InputMaybe<Scalars['JSONObject']['input']>;
  type: Scalars['String']['input'];
};

/** A party of a call: a phone number (E.164), a SIP address, an endpoint or an extension. */
export type Address = {
  __typename?: 'Address';
  detail: Scalars['String']['output'];
  name: Scalars['String']['output'];
  target: Scalars['String']['output'];
  targetName: Scalars['String']['output'];
  type: AddressType;
};

export type AddressInput = {
  detail?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** tel: + then 7–15 digits; sip: user@host; endpoint/extension: letters and digits. */
  target: Scalars['String']['input'];
  targetName?: InputMaybe<Scalars['String']['input']>;
  type: AddressType;
};

export type AddressType =
  | 'ENDPOINT'
  | 'EXTENSION'
  | 'SIP'
  | 'TEL';

/** A voice call, outgoing or incoming. */
export type Call = {
  __typename?: 'Call';
  /** The flow action being executed. */
  action?: Maybe<Scalars['JSONObject']['output']>;
  chainedCalls: Array<Call>;
  createdAt: Scalars['DateTime']['output'];
  destination: Address;
  /** Milliseconds the call may ring before it ends with reason DIALOUT. */
  dialTimeout: Scalars['Int']['output'];
  direction: CallDirection;
  earlyExecution: Scalars['Boolean']['output'];
  flowId?: Maybe<Scalars['ID']['output']>;
  hangupAt?: Maybe<Scalars['DateTime']['output']>;
  hangupBy?: Maybe<HangupBy>;
  hangupReason?: Maybe<HangupReason>;
  id: Scalars['ID']['output'];
  masterCall?: Maybe<Call>;
  masterCallId?: Maybe<Scalars['ID']['output']>;
  progressingAt?: Maybe<Scalars['DateTime']['output']>;
  /** The recording in progress, if any. */
  recordingId?: Maybe<Scalars['ID']['output']>;
  recordingIds: Array<Scalars['ID']['output']>;
  ringingAt?: Maybe<Scalars['DateTime']['output']>;
  source: Address;
  status: CallStatus;
  /** flow, conference or sip-service. */
  type: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** Calls, newest first. */
export type CallConnection = {
  __typename?: 'CallConnection';
  edges: Array<CallEdge>;
  nodes: Array<Call>;
  pageInfo: PageInfo;
};

export type CallDirection =
  | 'INCOMING'
  | 'OUTGOING';

export type CallEdge = {
  __typename?: 'CallEdge';
  cursor: Scalars['String']['output'];
  node: Call;
};

/** A change of a call: call_created, call_ringing, call_answered, call_updated, call_hungup, call_deleted. */
export type CallEvent = {
  __typename?: 'CallEvent';
  /** The call as it was right after the change. */
  call: Call;
  occurredAt: Scalars['DateTime']['output'];
  /** Per-call sequence number: 1 for call_created, then +1 per change. */
  sequence: Scalars['Int']['output'];
  type: Scalars['String']['output'];
};

export type CallFilter = {
  direction?: InputMaybe<CallDirection>;
  status?: InputMaybe<Array<CallStatus>>;
};

/** Moves forward only: DIALING → RINGING → PROGRESSING → TERMINATING/CANCELING → HANGUP. */
export type CallStatus =
  | 'CANCELING'
  | 'DIALING'
  | 'HANGUP'
  | 'PROGRESSING'
  | 'RINGING'
  | 'TERMINATING';

export type CreateCallsInput = {
  /** Actions to run on answer, instead of flowId. */
  actions?: InputMaybe<Array<ActionInput>>;
  /** One call is made per destination. */
  destinations: Array<AddressInput>;
  /** Milliseconds to ring before giving up (reason DIALOUT); default 30000. */
  dialTimeout?: InputMaybe<Scalars['Int']['input']>;
  /** Run the actions before the call is answered. */
  earlyExecution?: InputMaybe<Scalars['Boolean']['input']>;
  /** A flow of yours to run on answer. */
  flowId?: InputMaybe<Scalars['ID']['input']>;
  /** Chain the new calls to this master call. */
  masterCallId?: InputMaybe<Scalars['ID']['input']>;
  source: AddressInput;
};

/** Which side hung up first. */
export type HangupBy =
  | 'LOCAL'
  | 'REMOTE';

export type HangupReason =
  | 'AMD'
  | 'BUSY'
  | 'CANCEL'
  | 'DIALOUT'
  | 'FAILED'
  | 'NOANSWER'
  | 'NORMAL'
  | 'TIMEOUT';

export type Mutation = {
  __typename?: 'Mutation';
  /** Makes one outgoing call per destination; each starts DIALING. */
  createCalls: Array<Call>;
  /** Hangs a live call up, then removes it from lists. */
  deleteCall: Call;
  /** Hangs a call up: CANCELING before answer, TERMINATING after. */
  hangupCall: Call;
};


export type MutationCreateCallsArgs = {
  input: CreateCallsInput;
};


export type MutationDeleteCallArgs = {
  id: Scalars['ID']['input'];
};


export type MutationHangupCallArgs = {
  id: Scalars['ID']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One of your calls; null when there is no such call of yours. */
  call?: Maybe<Call>;
  /** Your calls, newest first (deleted calls are left out). */
  calls: CallConnection;
};


export type QueryCallArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCallsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CallFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Changes of one call (replayed from afterSequence, completing after call_hungup), or of all your calls. */
  callEvents: CallEvent;
};


export type SubscriptionCallEventsArgs = {
  afterSequence?: InputMaybe<Scalars['Int']['input']>;
  callId?: InputMaybe<Scalars['ID']['input']>;
};

/** A flow action: what the call does once answered (talk, play, connect …). */
export type ActionInput = {
  id?: string | number | null | undefined;
  option?: Record<string, unknown> | null | undefined;
  type: string;
};

export type AddressInput = {
  detail?: string | null | undefined;
  name?: string | null | undefined;
  /** tel: + then 7–15 digits; sip: user@host; endpoint/extension: letters and digits. */
  target: string;
  targetName?: string | null | undefined;
  type: AddressType;
};

export type AddressType =
  | 'ENDPOINT'
  | 'EXTENSION'
  | 'SIP'
  | 'TEL';

export type CallDirection =
  | 'INCOMING'
  | 'OUTGOING';

export type CallFilter = {
  direction?: CallDirection | null | undefined;
  status?: Array<CallStatus> | null | undefined;
};

/** Moves forward only: DIALING → RINGING → PROGRESSING → TERMINATING/CANCELING → HANGUP. */
export type CallStatus =
  | 'CANCELING'
  | 'DIALING'
  | 'HANGUP'
  | 'PROGRESSING'
  | 'RINGING'
  | 'TERMINATING';

export type CreateCallsInput = {
  /** Actions to run on answer, instead of flowId. */
  actions?: Array<ActionInput> | null | undefined;
  /** One call is made per destination. */
  destinations: Array<AddressInput>;
  /** Milliseconds to ring before giving up (reason DIALOUT); default 30000. */
  dialTimeout?: number | null | undefined;
  /** Run the actions before the call is answered. */
  earlyExecution?: boolean | null | undefined;
  /** A flow of yours to run on answer. */
  flowId?: string | number | null | undefined;
  /** Chain the new calls to this master call. */
  masterCallId?: string | number | null | undefined;
  source: AddressInput;
};

/** Which side hung up first. */
export type HangupBy =
  | 'LOCAL'
  | 'REMOTE';

export type HangupReason =
  | 'AMD'
  | 'BUSY'
  | 'CANCEL'
  | 'DIALOUT'
  | 'FAILED'
  | 'NOANSWER'
  | 'NORMAL'
  | 'TIMEOUT';

export type CallFieldsFragment = { id: string, type: string, status: CallStatus, direction: CallDirection, flowId: string | null, masterCallId: string | null, hangupBy: HangupBy | null, hangupReason: HangupReason | null, dialTimeout: number, earlyExecution: boolean, createdAt: string, updatedAt: string, ringingAt: string | null, progressingAt: string | null, hangupAt: string | null, source: { type: AddressType, target: string, targetName: string, name: string, detail: string }, destination: { type: AddressType, target: string, targetName: string, name: string, detail: string } };

export type GetCallQueryVariables = Exact<{
  id: string | number;
}>;


export type GetCallQuery = { call: { id: string, type: string, status: CallStatus, direction: CallDirection, flowId: string | null, masterCallId: string | null, hangupBy: HangupBy | null, hangupReason: HangupReason | null, dialTimeout: number, earlyExecution: boolean, createdAt: string, updatedAt: string, ringingAt: string | null, progressingAt: string | null, hangupAt: string | null, masterCall: { id: string } | null, chainedCalls: Array<{ id: string }>, source: { type: AddressType, target: string, targetName: string, name: string, detail: string }, destination: { type: AddressType, target: string, targetName: string, name: string, detail: string } } | null };

export type ListCallsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: CallFilter | null | undefined;
}>;


export type ListCallsQuery = { calls: { edges: Array<{ cursor: string, node: { id: string, type: string, status: CallStatus, direction: CallDirection, flowId: string | null, masterCallId: string | null, hangupBy: HangupBy | null, hangupReason: HangupReason | null, dialTimeout: number, earlyExecution: boolean, createdAt: string, updatedAt: string, ringingAt: string | null, progressingAt: string | null, hangupAt: string | null, chainedCalls: Array<{ id: string }>, masterCall: { id: string } | null, source: { type: AddressType, target: string, targetName: string, name: string, detail: string }, destination: { type: AddressType, target: string, targetName: string, name: string, detail: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateCallsMutationVariables = Exact<{
  input: CreateCallsInput;
}>;


export type CreateCallsMutation = { createCalls: Array<{ id: string, type: string, status: CallStatus, direction: CallDirection, flowId: string | null, masterCallId: string | null, hangupBy: HangupBy | null, hangupReason: HangupReason | null, dialTimeout: number, earlyExecution: boolean, createdAt: string, updatedAt: string, ringingAt: string | null, progressingAt: string | null, hangupAt: string | null, source: { type: AddressType, target: string, targetName: string, name: string, detail: string }, destination: { type: AddressType, target: string, targetName: string, name: string, detail: string } }> };

export type HangupCallMutationVariables = Exact<{
  id: string | number;
}>;


export type HangupCallMutation = { hangupCall: { id: string, type: string, status: CallStatus, direction: CallDirection, flowId: string | null, masterCallId: string | null, hangupBy: HangupBy | null, hangupReason: HangupReason | null, dialTimeout: number, earlyExecution: boolean, createdAt: string, updatedAt: string, ringingAt: string | null, progressingAt: string | null, hangupAt: string | null, source: { type: AddressType, target: string, targetName: string, name: string, detail: string }, destination: { type: AddressType, target: string, targetName: string, name: string, detail: string } } };

export type DeleteCallMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteCallMutation = { deleteCall: { id: string, type: string, status: CallStatus, direction: CallDirection, flowId: string | null, masterCallId: string | null, hangupBy: HangupBy | null, hangupReason: HangupReason | null, dialTimeout: number, earlyExecution: boolean, createdAt: string, updatedAt: string, ringingAt: string | null, progressingAt: string | null, hangupAt: string | null, source: { type: AddressType, target: string, targetName: string, name: string, detail: string }, destination: { type: AddressType, target: string, targetName: string, name: string, detail: string } } };

export type CallEventsSubscriptionVariables = Exact<{
  callId?: string | number | null | undefined;
  afterSequence?: number | null | undefined;
}>;


export type CallEventsSubscription = { callEvents: { type: string, sequence: number, occurredAt: string, call: { id: string, type: string, status: CallStatus, direction: CallDirection, flowId: string | null, masterCallId: string | null, hangupBy: HangupBy | null, hangupReason: HangupReason | null, dialTimeout: number, earlyExecution: boolean, createdAt: string, updatedAt: string, ringingAt: string | null, progressingAt: string | null, hangupAt: string | null, source: { type: AddressType, target: string, targetName: string, name: string, detail: string }, destination: { type: AddressType, target: string, targetName: string, name: string, detail: string } } } };

export const CallFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Call"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"masterCallId"}},{"kind":"Field","name":{"kind":"Name","value":"hangupBy"}},{"kind":"Field","name":{"kind":"Name","value":"hangupReason"}},{"kind":"Field","name":{"kind":"Name","value":"dialTimeout"}},{"kind":"Field","name":{"kind":"Name","value":"earlyExecution"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"ringingAt"}},{"kind":"Field","name":{"kind":"Name","value":"progressingAt"}},{"kind":"Field","name":{"kind":"Name","value":"hangupAt"}}]}}]} as unknown as DocumentNode<CallFieldsFragment, unknown>;
export const GetCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"call"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallFields"}},{"kind":"Field","name":{"kind":"Name","value":"masterCall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chainedCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Call"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"masterCallId"}},{"kind":"Field","name":{"kind":"Name","value":"hangupBy"}},{"kind":"Field","name":{"kind":"Name","value":"hangupReason"}},{"kind":"Field","name":{"kind":"Name","value":"dialTimeout"}},{"kind":"Field","name":{"kind":"Name","value":"earlyExecution"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"ringingAt"}},{"kind":"Field","name":{"kind":"Name","value":"progressingAt"}},{"kind":"Field","name":{"kind":"Name","value":"hangupAt"}}]}}]} as unknown as DocumentNode<GetCallQuery, GetCallQueryVariables>;
export const ListCallsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListCalls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CallFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"calls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallFields"}},{"kind":"Field","name":{"kind":"Name","value":"chainedCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"masterCall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Call"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"masterCallId"}},{"kind":"Field","name":{"kind":"Name","value":"hangupBy"}},{"kind":"Field","name":{"kind":"Name","value":"hangupReason"}},{"kind":"Field","name":{"kind":"Name","value":"dialTimeout"}},{"kind":"Field","name":{"kind":"Name","value":"earlyExecution"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"ringingAt"}},{"kind":"Field","name":{"kind":"Name","value":"progressingAt"}},{"kind":"Field","name":{"kind":"Name","value":"hangupAt"}}]}}]} as unknown as DocumentNode<ListCallsQuery, ListCallsQueryVariables>;
export const CreateCallsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCalls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCallsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCalls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Call"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"masterCallId"}},{"kind":"Field","name":{"kind":"Name","value":"hangupBy"}},{"kind":"Field","name":{"kind":"Name","value":"hangupReason"}},{"kind":"Field","name":{"kind":"Name","value":"dialTimeout"}},{"kind":"Field","name":{"kind":"Name","value":"earlyExecution"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"ringingAt"}},{"kind":"Field","name":{"kind":"Name","value":"progressingAt"}},{"kind":"Field","name":{"kind":"Name","value":"hangupAt"}}]}}]} as unknown as DocumentNode<CreateCallsMutation, CreateCallsMutationVariables>;
export const HangupCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HangupCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hangupCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Call"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"masterCallId"}},{"kind":"Field","name":{"kind":"Name","value":"hangupBy"}},{"kind":"Field","name":{"kind":"Name","value":"hangupReason"}},{"kind":"Field","name":{"kind":"Name","value":"dialTimeout"}},{"kind":"Field","name":{"kind":"Name","value":"earlyExecution"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"ringingAt"}},{"kind":"Field","name":{"kind":"Name","value":"progressingAt"}},{"kind":"Field","name":{"kind":"Name","value":"hangupAt"}}]}}]} as unknown as DocumentNode<HangupCallMutation, HangupCallMutationVariables>;
export const DeleteCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Call"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"masterCallId"}},{"kind":"Field","name":{"kind":"Name","value":"hangupBy"}},{"kind":"Field","name":{"kind":"Name","value":"hangupReason"}},{"kind":"Field","name":{"kind":"Name","value":"dialTimeout"}},{"kind":"Field","name":{"kind":"Name","value":"earlyExecution"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"ringingAt"}},{"kind":"Field","name":{"kind":"Name","value":"progressingAt"}},{"kind":"Field","name":{"kind":"Name","value":"hangupAt"}}]}}]} as unknown as DocumentNode<DeleteCallMutation, DeleteCallMutationVariables>;
export const CallEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CallEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"callId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"callId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"callId"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSequence"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"call"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Call"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"masterCallId"}},{"kind":"Field","name":{"kind":"Name","value":"hangupBy"}},{"kind":"Field","name":{"kind":"Name","value":"hangupReason"}},{"kind":"Field","name":{"kind":"Name","value":"dialTimeout"}},{"kind":"Field","name":{"kind":"Name","value":"earlyExecution"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"ringingAt"}},{"kind":"Field","name":{"kind":"Name","value":"progressingAt"}},{"kind":"Field","name":{"kind":"Name","value":"hangupAt"}}]}}]} as unknown as DocumentNode<CallEventsSubscription, CallEventsSubscriptionVariables>;