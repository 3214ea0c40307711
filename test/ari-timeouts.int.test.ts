import { farEnd, waitForCall } from './support/flows';
import { simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { connectedPair, RINGS, transfer, TRANSFER_SOURCE, waitForTransfer } from './support/transfers';
import { waitFor } from './support/wait';

/**
 * Every ARI request of a transfer is bounded by ARI_REQUEST_TIMEOUT_MS: the simulator stalls the
 * requests a test names (no answer, ever), and the work that sent one fails and is tried again
 * rather than wait forever. A second stalled request of the same kind shows the first was given
 * up (an attempt is retried only once it failed); once the stall ends, a retry goes through.
 * Both kinds of request are covered: ari-client's (a bridge) and the plain HTTP ones (a channel's
 * create).
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ ARI_REQUEST_TIMEOUT_MS: '300', REACTION_BACKOFF_MS: '50', REACTION_ATTEMPTS: '20' });
  await t.ownNumber(t.app.bootstrap!.customerId, TRANSFER_SOURCE);
});
afterAll(async () => {
  await stall(null);
  await t?.stop();
});

interface SimSettings {
  stall_ari: string | null;
  stalled_requests: number;
}

async function stall(requests: string | null): Promise<SimSettings> {
  const answer = await simPost(t.simUrl, '/sim/settings', { stall_ari: requests });
  expect(answer.status).toBe(200);
  return (await answer.json()) as SimSettings;
}

const settings = async (): Promise<SimSettings> => (await (await fetch(`${t.simUrl}/sim/settings`)).json()) as SimSettings;
const stalledTwice = () => waitFor(settings, (now) => now.stalled_requests >= 2, 'a stalled request given up and sent again', 20_000);
const bridgedWith = (id: string, other: string) =>
  waitFor(() => farEnd(t, id), (far) => (far?.bridged_with as string[] | undefined)?.includes(other) === true, `${id} bridged with ${other}`);

it('bridges transferer and transferee once a stalled bridge request timed out and the stall ended', async () => {
  const { transferer } = await connectedPair(t);
  const { body } = await transfer(t, transferer, { type: 'attended', destination: { type: 'tel', target: RINGS } });
  const id = body.transfer_id as string;
  const consult = body.consult_call_id as string;
  await waitForTransfer(t, id, 'ringing');

  expect(await stall('POST /bridges')).toMatchObject({ stall_ari: 'POST /bridges', stalled_requests: 0 });
  await simPost(t.simUrl, `/sim/channels/${consult}/answer`);
  await waitForTransfer(t, id, 'consulting');
  await stalledTwice();
  expect((await farEnd(t, consult))?.bridged_with ?? []).toEqual([]);

  await stall(null);
  await bridgedWith(transferer, consult);
  expect((await waitForCall(t, consult, () => true, 'the transferee')).status).toBe('progressing');
});

it("dials the transferee once a stalled create of its channel timed out and the stall ended", async () => {
  const { transferer } = await connectedPair(t);
  expect(await stall('POST /channels/create')).toMatchObject({ stalled_requests: 0 });
  const { body } = await transfer(t, transferer, { type: 'attended', destination: { type: 'tel', target: RINGS } });
  const id = body.transfer_id as string;
  const consult = body.consult_call_id as string;
  await stalledTwice();
  expect(await farEnd(t, consult)).toBeNull();

  await stall(null);
  await waitForTransfer(t, id, 'ringing');
  expect((await farEnd(t, consult))?.state).toBe('Ringing');
});
