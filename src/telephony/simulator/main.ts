import { loadConfig } from '../../config';
import { startAriSimulator } from './index';

/** `npm run simulator`: the ARI simulator alone, for a product started with ARI_URL pointing here. */
async function main(): Promise<void> {
  const config = loadConfig();
  const simulator = await startAriSimulator({
    port: config.simulator.port,
    host: config.simulator.host,
    username: config.ari.username,
    password: config.ari.password,
    delays: config.simulator.delays,
  });
  console.log(`ARI simulator on ${simulator.url} (user ${config.ari.username}); control surface at ${simulator.url}/sim`);
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
