import { registerEnumType } from 'type-graphql';

export enum CallStatusEnum {
  DIALING = 'dialing',
  RINGING = 'ringing',
  PROGRESSING = 'progressing',
  TERMINATING = 'terminating',
  CANCELING = 'canceling',
  HANGUP = 'hangup',
}

export enum CallDirectionEnum {
  INCOMING = 'incoming',
  OUTGOING = 'outgoing',
}

export enum HangupByEnum {
  LOCAL = 'local',
  REMOTE = 'remote',
}

export enum HangupReasonEnum {
  NORMAL = 'normal',
  FAILED = 'failed',
  BUSY = 'busy',
  CANCEL = 'cancel',
  TIMEOUT = 'timeout',
  NOANSWER = 'noanswer',
  DIALOUT = 'dialout',
  AMD = 'amd',
}

export enum AddressTypeEnum {
  TEL = 'tel',
  SIP = 'sip',
  ENDPOINT = 'endpoint',
  EXTENSION = 'extension',
  /** Only among a groupcall's destinations: a nested groupcall (target: its id). A call cannot be made to it. */
  GROUPCALL = 'groupcall',
}

registerEnumType(CallStatusEnum, { name: 'CallStatus', description: 'Moves forward only: DIALING → RINGING → PROGRESSING → TERMINATING/CANCELING → HANGUP.' });
registerEnumType(CallDirectionEnum, { name: 'CallDirection' });
registerEnumType(HangupByEnum, { name: 'HangupBy', description: 'Which side hung up first.' });
registerEnumType(HangupReasonEnum, { name: 'HangupReason' });
registerEnumType(AddressTypeEnum, {
  name: 'AddressType',
  valuesConfig: { GROUPCALL: { description: "Only among a groupcall's destinations: a nested groupcall, its target the nested groupcall's id. Calls are never made to it." } },
});
