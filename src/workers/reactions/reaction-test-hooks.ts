import type { Job } from 'bullmq';
import type { ReactionName } from '../../domain/reactions';

export interface ReactionTestHooks {
  /** Runs before a reaction's handler; may throw (a failed attempt) or never return (a held job). */
  beforeReaction(reaction: ReactionName, job: Pick<Job, 'id' | 'attemptsMade'>): Promise<void>;
}

/**
 * The test hooks of config.reactions (`TEST_HOOK_HOLD_REACTION`, `TEST_HOOK_FAIL_REACTION`): they
 * make the window between a commit and its reaction deterministic for the tests that kill a
 * worker in it or fail a reaction on purpose. Unset, they do nothing.
 */
export function reactionTestHooks(settings: { testHold?: string | undefined; testFail?: string | undefined }): ReactionTestHooks | null {
  const { testHold, testFail } = settings;
  if (!testHold && !testFail) return null;
  const [failing, times] = (testFail ?? '').split(':');
  return {
    async beforeReaction(reaction, job) {
      if (reaction === testHold) {
        process.stdout.write(`reaction held ${job.id}\n`);
        await new Promise<never>(() => undefined); // until the test kills this process
      }
      if (reaction === failing && (times === 'always' || job.attemptsMade < Number(times))) {
        throw new Error(`test hook: ${reaction} fails attempt ${job.attemptsMade + 1}`);
      }
    },
  };
}
