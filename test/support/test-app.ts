import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startApp, type Role, type RunningApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import { createLogger, type Logger } from '../../src/platform/logger';

import { TEST_DATABASE_URL } from './database-url';

export { TEST_DATABASE_URL };

export interface TestApp {
  app: RunningApp;
  config: Config;
  baseUrl: string;
  simUrl: string;
  accessKey: string;
  /** A second customer, for tenancy tests. */
  newCustomer(name?: string): Promise<{ customerId: string; token: string }>;
  /** Registers `number` for the customer (outgoing tel calls must come from one); answers its id. */
  ownNumber(customerId: string, number: string): Promise<string>;
  stop(): Promise<void>;
}

/** The number the first customer of every test app owns: the source of most test calls. */
export const TEST_SOURCE_NUMBER = '+15551234567';

/** Short far-end delays: tests wait for events, never for time. */
export const FAST_DELAYS = { SIM_RING_MS: '20', SIM_ANSWER_MS: '40', SIM_GIVE_UP_MS: '150', SIM_REMOTE_HANGUP_MS: '150' };

/**
 * The whole product for one test file: its own Postgres schema and Redis prefix (so files run in
 * parallel), the API on a free port, workers, and the embedded simulator on a free port.
 */
export async function startTestApp(env: Record<string, string> = {}, role: Role = 'all', logger?: Logger): Promise<TestApp> {
  const id = randomBytes(6).toString('hex');
  const schema = `t_${id}`;
  const config = loadConfig({
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: schema,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `test:${id}`,
    PORT: '0',
    HOST: '127.0.0.1',
    SIM_PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...FAST_DELAYS,
    ...env,
  });
  const app = await startApp(config, role, logger ?? createLogger(config.logLevel));
  if (!app.bootstrap) throw new Error('a fresh schema must bootstrap its first customer');
  const baseUrl = `http://127.0.0.1:${app.port}`;
  const ownNumber = async (customerId: string, number: string): Promise<string> => (await app.services.numbers.create(customerId, { number })).id;
  // The first customer owns the source number the tests call from, as a real account would.
  await ownNumber(app.bootstrap.customerId, TEST_SOURCE_NUMBER);
  return {
    app,
    config,
    baseUrl,
    simUrl: app.simulator?.url ?? '',
    accessKey: app.bootstrap.token,
    newCustomer: (name = 'other') => app.services.auth.createCustomer(name),
    ownNumber,
    async stop() {
      await app.stop();
      await dropSchema(schema);
    },
  };
}

async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
