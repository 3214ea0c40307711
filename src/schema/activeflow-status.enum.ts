import { registerEnumType } from 'type-graphql';

export enum ActiveflowStatusEnum {
  RUNNING = 'running',
  ENDED = 'ended',
}

registerEnumType(ActiveflowStatusEnum, { name: 'ActiveflowStatus', description: 'RUNNING while the flow executes; ENDED after its end, a stop, or the call\'s hangup.' });
