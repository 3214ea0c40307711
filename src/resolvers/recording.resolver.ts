import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Recording as DomainRecording } from '../domain/recording';
import { Call } from '../schema/call.type';
import { RecordingConnection } from '../schema/recording-connection.type';
import { Recording } from '../schema/recording.type';
import { StartRecordingInput } from '../schema/start-recording.input';
import type { GraphqlContext } from './context';
import { nullWhenNotFound } from './null-when-not-found';
import { connectionOf, pageArgsOf, PAGE_SIZE_DESCRIPTION } from './paging';
import { recordingsByCall } from './recording-loaders';
import { startOptionsOf, toGraphqlRecording } from './recording.mapper';

@ArgsType()
class RecordingsArgs {
  @Field(() => Int, { nullable: true, description: PAGE_SIZE_DESCRIPTION })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string;
}

const present = (ctx: GraphqlContext, recording: DomainRecording): Recording => toGraphqlRecording(recording, ctx.services.recordings.downloadUrl(recording));

@Resolver(() => Recording)
export class RecordingResolver {
  @Query(() => Recording, { nullable: true, description: 'One of your recordings; null when there is no such recording of yours.' })
  async recording(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Recording | null> {
    const recording = await nullWhenNotFound(ctx.services.recordings.get(ctx.customerId, id));
    return recording ? present(ctx, recording) : null;
  }

  @Query(() => RecordingConnection, { description: 'Your recordings, newest first (deleted ones are left out).' })
  async recordings(@Args(() => RecordingsArgs) args: RecordingsArgs, @Ctx() ctx: GraphqlContext): Promise<RecordingConnection> {
    const { pageSize, after } = pageArgsOf(args);
    const page = await ctx.services.recordings.list(ctx.customerId, { pageSize, after });
    return connectionOf(page.recordings, page.cursors, pageSize, (recording) => present(ctx, recording));
  }

  @Mutation(() => Recording, { description: 'Starts recording a PROGRESSING call that is not being recorded (CALL_NOT_ANSWERED or CALL_ALREADY_RECORDING otherwise).' })
  async startRecording(
    @Arg('callId', () => ID) callId: string,
    @Arg('input', () => StartRecordingInput, { nullable: true }) input: StartRecordingInput | undefined,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Recording> {
    return present(ctx, await ctx.services.recordings.start(ctx.customerId, callId, startOptionsOf(input)));
  }

  @Mutation(() => Recording, { description: "Stops the call's active recording; its file follows (status ENDED, downloadUrl set)." })
  async stopRecording(@Arg('callId', () => ID) callId: string, @Ctx() ctx: GraphqlContext): Promise<Recording> {
    return present(ctx, await ctx.services.recordings.stop(ctx.customerId, callId));
  }

  @Mutation(() => Recording, { description: 'Deletes an ENDED recording and its file.' })
  async deleteRecording(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Recording> {
    return present(ctx, await ctx.services.recordings.delete(ctx.customerId, id));
  }
}

@Resolver(() => Call)
export class CallRecordingsResolver {
  @FieldResolver(() => [Recording], { description: "The call's recordings, oldest first." })
  async recordings(@Root() call: Call, @Ctx() ctx: GraphqlContext): Promise<Recording[]> {
    return (await recordingsByCall(ctx).load(call.id)).map((recording) => present(ctx, recording));
  }
}
