import { startApp, type Role } from './app';
import { loadConfig } from './config';
import { createLogger } from './platform/logger';

const ROLES: readonly Role[] = ['api', 'worker', 'all'];

/** `node dist/src/main.js [api|worker|all]`: one process of the product (default: all). */
async function main(): Promise<void> {
  const role = (process.argv[2] ?? 'all') as Role;
  if (!ROLES.includes(role)) throw new Error(`unknown role '${role}': use ${ROLES.join(', ')}`);
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'opencall', { format: config.logFormat });
  const app = await startApp(config, role, logger);

  if (app.bootstrap?.generated) {
    logger.info({ customerId: app.bootstrap.customerId }, 'created the first customer');
    console.log(`\n  Your access key (shown once; set BOOTSTRAP_ACCESS_KEY to choose it): ${app.bootstrap.token}\n`);
  }
  if (role === 'worker') logger.info(`worker: /healthz, /readyz and /metrics on http://localhost:${app.port}`);
  else if (app.port !== null) logger.info(`API on http://localhost:${app.port} — the console at /console, GraphQL at /graphql (explorer /explorer), REST at /v1.0`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`opencall cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
