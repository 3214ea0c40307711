import { registerEnumType } from 'type-graphql';

export enum RingMethodEnum {
  RING_ALL = 'ring_all',
  LINEAR = 'linear',
}

/** REST's answer_method "" is NONE here (an enum value cannot be empty). */
export enum AnswerMethodEnum {
  HANGUP_OTHERS = 'hangup_others',
  NONE = '',
}

export enum GroupcallStatusEnum {
  PROGRESSING = 'progressing',
  HANGINGUP = 'hangingup',
  HANGUP = 'hangup',
}

registerEnumType(RingMethodEnum, { name: 'RingMethod', description: 'RING_ALL: every destination at once; LINEAR: one at a time, in order.' });
registerEnumType(AnswerMethodEnum, {
  name: 'AnswerMethod',
  description: "HANGUP_OTHERS: the first answer cancels the other legs; NONE (REST's \"\"): the other legs are left ringing.",
});
registerEnumType(GroupcallStatusEnum, { name: 'GroupcallStatus' });
