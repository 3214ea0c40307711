import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Call } from '../schema/call.type';
import { MuteDirectionEnum } from '../schema/mute-direction.enum';
import { SendDtmfInput } from '../schema/send-dtmf.input';
import { TalkCallInput } from '../schema/talk-call.input';
import { toGraphqlCall } from './call.mapper';
import type { GraphqlContext } from './context';

const PROGRESSING_ONLY = 'Only on a PROGRESSING call (CALL_NOT_ANSWERED, CALL_ENDING or CALL_ALREADY_HUNGUP otherwise); answers the call afterwards.';

/** Media controls on a live call; thin over the media control service. */
@Resolver(() => Call)
export class CallMediaResolver {
  @Mutation(() => Call, { description: `Puts the call on hold. ${PROGRESSING_ONLY}` })
  async holdCall(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Call> {
    return toGraphqlCall(await ctx.services.media.hold(ctx.customerId, id, true));
  }

  @Mutation(() => Call, { description: `Takes the call off hold. ${PROGRESSING_ONLY}` })
  async unholdCall(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Call> {
    return toGraphqlCall(await ctx.services.media.hold(ctx.customerId, id, false));
  }

  @Mutation(() => Call, { description: `Mutes the call one way or both. ${PROGRESSING_ONLY}` })
  async muteCall(
    @Arg('id', () => ID) id: string,
    @Arg('direction', () => MuteDirectionEnum) direction: MuteDirectionEnum,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Call> {
    return toGraphqlCall(await ctx.services.media.mute(ctx.customerId, id, direction, true));
  }

  @Mutation(() => Call, { description: `Unmutes the given direction. ${PROGRESSING_ONLY}` })
  async unmuteCall(
    @Arg('id', () => ID) id: string,
    @Arg('direction', () => MuteDirectionEnum) direction: MuteDirectionEnum,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Call> {
    return toGraphqlCall(await ctx.services.media.mute(ctx.customerId, id, direction, false));
  }

  @Mutation(() => Call, { description: `Plays music on hold to the far end. ${PROGRESSING_ONLY}` })
  async startMusicOnHold(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Call> {
    return toGraphqlCall(await ctx.services.media.musicOnHold(ctx.customerId, id, true));
  }

  @Mutation(() => Call, { description: `Stops the music on hold. ${PROGRESSING_ONLY}` })
  async stopMusicOnHold(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Call> {
    return toGraphqlCall(await ctx.services.media.musicOnHold(ctx.customerId, id, false));
  }

  @Mutation(() => Call, { description: `Plays silence to the far end. ${PROGRESSING_ONLY}` })
  async silenceCall(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Call> {
    return toGraphqlCall(await ctx.services.media.silence(ctx.customerId, id, true));
  }

  @Mutation(() => Call, { description: `Stops the silence. ${PROGRESSING_ONLY}` })
  async unsilenceCall(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Call> {
    return toGraphqlCall(await ctx.services.media.silence(ctx.customerId, id, false));
  }

  @Mutation(() => Call, { description: `Sends DTMF tones to the far end. ${PROGRESSING_ONLY}` })
  async sendDtmf(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SendDtmfInput) input: SendDtmfInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Call> {
    return toGraphqlCall(await ctx.services.media.sendDtmf(ctx.customerId, id, input));
  }

  @Mutation(() => Call, {
    description: `Speaks the text to the far end. Answers once the speech has started; it plays on after the answer. ${PROGRESSING_ONLY}`,
  })
  async talkCall(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => TalkCallInput) input: TalkCallInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Call> {
    return toGraphqlCall(await ctx.services.media.talk(ctx.customerId, id, input));
  }
}
