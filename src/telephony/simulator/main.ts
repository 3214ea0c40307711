import { loadConfig } from '../../config';
import { createLogger } from '../../platform/logger';
import { startAriSimulator } from './index';

/** `npm run simulator`: the ARI simulator alone, for a product started with ARI_URL pointing here. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'ari-simulator', { format: config.logFormat });
  const simulator = await startAriSimulator({
    port: config.simulator.port,
    host: config.simulator.host,
    username: config.ari.username,
    password: config.ari.password,
    delays: config.simulator.delays,
  });
  logger.info({ url: simulator.url, control: `${simulator.url}/sim`, delays: config.simulator.delays }, `ARI simulator listening on ${simulator.url}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'ARI simulator stopping');
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'ARI simulator failed to stop');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
