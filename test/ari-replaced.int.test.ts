import { connect } from 'ari-client';
import { createCalls, waitForCall } from './support/flows';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * ApplicationReplaced: a connection outside the product takes the application's event stream.
 * The product's leader steps back (closes its stream, gives its lock up), and a while later a
 * worker takes the stream back, so the product's calls go on being driven by its events.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ ARI_LEADER_POLL_MS: '50' });
});
afterAll(async () => {
  await t?.stop();
});

it('takes the application back after another connection replaced it', async () => {
  const intruder = await connect(t.simUrl, t.config.ari.username, t.config.ari.password);
  const seen: string[] = [];
  intruder.on('*', (event: { type: string }) => seen.push(event.type));
  await intruder.start(t.config.ari.app);
  // The product's worker steps back, then (ten polls later) takes the stream back.
  await waitFor(async () => seen, (types) => types.includes('ApplicationReplaced'), 'the product to take the application back');
  intruder.stop();
  const [call] = await createCalls(t, { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15557775001' }] });
  await waitForCall(t, call!.id as string, (c) => c.status === 'progressing', 'the call to be answered: the product hears the events again');
});
