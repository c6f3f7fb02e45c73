import { failedToStart, serveUntilParentLeaves } from '../demo-process.ts';
import { startSimulator } from './server.ts';

/**
 * The simulator as its own process, as `guichet start` runs it beside the demo platform:
 * SIMULATOR_PORT (0: any free port), MOBILE_MONEY_SECRET, MOBILE_MONEY_CALLBACK_URL. It reports
 * its address to the parent over IPC and ends when the parent goes away.
 */
const secret = process.env.MOBILE_MONEY_SECRET;
const callbackUrl = process.env.MOBILE_MONEY_CALLBACK_URL;
if (!secret || !callbackUrl) {
  console.error('the simulator needs MOBILE_MONEY_SECRET and MOBILE_MONEY_CALLBACK_URL');
  process.exit(2);
}

try {
  const simulator = await startSimulator({
    secret,
    callbackUrl,
    port: Number(process.env.SIMULATOR_PORT ?? 3100),
    host: process.env.SIMULATOR_HOST || '127.0.0.1',
    log: (message) => console.error(`[mobile-money simulator] ${message}`),
  });
  serveUntilParentLeaves(simulator, { listening: simulator.url }, 'mobile-money simulator');
} catch (error) {
  failedToStart('mobile-money simulator', error);
}
