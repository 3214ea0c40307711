import { createLogger } from '../../src/platform/logger';
import { createCallRepository } from '../../src/persistence/call-repository';
import type { PrismaClient } from '../../src/persistence/database';
import { createGroupcallRepository } from '../../src/persistence/groupcall-repository';
import { createCallService } from '../../src/services/call-service';
import { createGroupcallService } from '../../src/services/groupcall-service';
import type { NumberService } from '../../src/services/number-service';
import type { TelephonyCommands } from '../../src/services/ports';

/**
 * For the tests that build what a worker leaves when it dies in the middle of a step or a
 * reaction: the product's own code runs on a telephony port that dies at its first command, so
 * what it committed before stays and nothing after is sent.
 */
export const CRASH = new Error('the worker died here');
export const dyingTelephony: TelephonyCommands = { originate: () => Promise.reject(CRASH), hangup: () => Promise.reject(CRASH) };

/** The call and groupcall services of a worker about to die: on the product's database, with the dying telephony port. */
export function dyingServices(prisma: PrismaClient, numbers: NumberService) {
  const repository = createCallRepository(prisma);
  const calls = createCallService({ prisma, calls: repository, commands: dyingTelephony, numbers, logger: createLogger('silent') });
  const groupcalls = createGroupcallService({ prisma, calls: repository, groupcalls: createGroupcallRepository(prisma), callService: calls, commands: dyingTelephony, numbers });
  return { calls, groupcalls };
}

/** The simulator's channels to `target`: how many times it was dialled. */
export const channelsTo = async (simUrl: string, target: string): Promise<unknown[]> =>
  ((await (await fetch(`${simUrl}/sim/channels`)).json()) as { target: string }[]).filter((channel) => channel.target === target);
