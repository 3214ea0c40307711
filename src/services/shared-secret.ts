import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../persistence/database';

/** A secret made once, at the first start, and read by every process after (the JWT key). */
export async function loadSharedSecret(prisma: PrismaClient, name: string): Promise<string> {
  await prisma.$executeRaw`
    INSERT INTO secrets (name, value) VALUES (${name}, ${randomBytes(32).toString('base64url')})
    ON CONFLICT (name) DO NOTHING`;
  const secret = await prisma.secret.findUniqueOrThrow({ where: { name } });
  return secret.value;
}
