import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Address } from './address.type';
import { CallDirectionEnum, CallStatusEnum, HangupByEnum, HangupReasonEnum } from './call-status.enum';
import { MuteDirectionEnum } from './mute-direction.enum';
import { CallAttempt } from './routing.type';
import { DateTimeScalar, JSONObjectScalar } from './scalars';

@ObjectType({ description: 'A voice call, outgoing or incoming.' })
export class Call {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'flow, conference or sip-service.' })
  type!: string;

  @Field(() => CallStatusEnum)
  status!: CallStatusEnum;

  @Field(() => CallDirectionEnum)
  direction!: CallDirectionEnum;

  @Field(() => Address)
  source!: Address;

  @Field(() => Address)
  destination!: Address;

  @Field(() => ID, { nullable: true })
  flowId!: string | null;

  @Field(() => ID, { nullable: true })
  masterCallId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The groupcall this call is a leg of.' })
  groupcallId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The recording in progress, if any.' })
  recordingId!: string | null;

  @Field(() => [ID])
  recordingIds!: string[];

  @Field(() => JSONObjectScalar, { nullable: true, description: 'The flow action being executed.' })
  action!: Record<string, unknown> | null;

  @Field(() => Boolean)
  earlyExecution!: boolean;

  @Field(() => Int, { description: 'Milliseconds the call may ring before it ends with reason DIALOUT.' })
  dialTimeout!: number;

  @Field(() => Boolean, { description: 'On hold (set by holdCall once the media server did it).' })
  hold!: boolean;

  @Field(() => MuteDirectionEnum, { nullable: true, description: 'Which way the call is muted; null when it is not.' })
  muteDirection!: MuteDirectionEnum | null;

  @Field(() => Boolean, { description: 'The far end hears music on hold.' })
  musicOnHold!: boolean;

  @Field(() => Boolean, { description: 'The far end hears silence.' })
  silenced!: boolean;

  @Field(() => HangupByEnum, { nullable: true })
  hangupBy!: HangupByEnum | null;

  @Field(() => HangupReasonEnum, { nullable: true })
  hangupReason!: HangupReasonEnum | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why a reaction to one of the call\'s changes (starting its flow, bridging a connect leg …) could not run; the call was ended for it (hangupReason FAILED).',
  })
  reactionError!: string | null;

  @Field(() => [CallAttempt], { description: "An outgoing tel call's tries, one per provider, oldest first (route failover); empty for other calls." })
  attempts!: CallAttempt[];

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  ringingAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  progressingAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  hangupAt!: Date | null;
}
