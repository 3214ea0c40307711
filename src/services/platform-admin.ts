import { AppError } from '../domain/errors';
import type { PrismaClient } from '../persistence/database';

/**
 * The platform administrator's resources (customers, providers, routes, provider calls): anyone
 * else gets PERMISSION_DENIED, whatever it asks for, and learns nothing of them.
 */
export async function assertPlatformAdmin(prisma: PrismaClient, actorId: string, what: string): Promise<void> {
  const actor = await prisma.customer.findUnique({ where: { id: actorId }, select: { isAdmin: true } });
  if (!actor?.isAdmin) throw new AppError('PERMISSION_DENIED', `Only the platform administrator may ${what}.`);
}
