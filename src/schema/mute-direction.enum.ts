import { registerEnumType } from 'type-graphql';

export enum MuteDirectionEnum {
  IN = 'in',
  OUT = 'out',
  BOTH = 'both',
}

registerEnumType(MuteDirectionEnum, {
  name: 'MuteDirection',
  description: 'IN: the call hears nothing; OUT: the call is not heard; BOTH: neither.',
});
