import { GetCallMediaDocument } from './generated/graphql';
import { createCalls, getCall, waitForCall, waitForHangup } from './support/flows';
import { graphql } from './support/graphql-client';
import { rest, type Json } from './support/rest';
import { ASTERISK_ARI_URL, asteriskAri, asteriskEnv } from './support/asterisk';
import { startTestApp, type TestApp } from './support/test-app';
import { AGENT, TRANSFER_SOURCE, transfer, waitForTransfer } from './support/transfers';
import { waitFor } from './support/wait';

/**
 * Transfers against a real Asterisk, run only when ASTERISK_ARI_URL points at one with the
 * `sandbox` dialplan (docker compose up asterisk): every far end here rings about a second and
 * answers. Attended: music on hold and mute on the caller's channel (recorded on the Call only once
 * Asterisk accepted them), the consult bridge of transferer and transferee, and complete moving
 * the caller into it. Blind: the transferer leaves, the caller is rung (Asterisk accepts POST
 * /channels/{id}/ring on an answered channel in a bridge with no event, as the blind-transfer
 * trace shows), and the answer bridges caller and transferee.
 */
const suite = ASTERISK_ARI_URL ? describe : describe.skip;
const LIMIT = 30_000;
/** Sandbox numbers outside the +1555000xxxx plan: ring about 1 s, answer, stay up. */
const TRANSFEREE = '+15559990602';

suite('transfers against a real Asterisk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(asteriskEnv('opencall-transfer-test'));
    await t.ownNumber(t.app.bootstrap!.customerId, TRANSFER_SOURCE);
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** The Asterisk bridge's channels, or null when it is gone. */
  const bridgeChannels = async (bridgeId: string): Promise<string[] | null> => {
    const answer = await asteriskAri('GET', `/bridges/${encodeURIComponent(bridgeId)}`);
    return answer.status === 200 ? ((answer.body as { channels: string[] }).channels ?? []) : null;
  };
  const media = async (id: string) => (await graphql(t.baseUrl, t.accessKey, GetCallMediaDocument, { id })).data?.call;

  /** A caller bridged with an agent by a connect, on Asterisk (outgoing channels carry the call ids). */
  async function connected(): Promise<{ caller: string; transferer: string }> {
    const [call] = await createCalls(t, {
      source: { type: 'tel', target: TRANSFER_SOURCE },
      destinations: [{ type: 'tel', target: '+15559990601' }],
      actions: [{ type: 'connect', option: { source: { type: 'tel', target: TRANSFER_SOURCE }, destinations: [{ type: 'tel', target: AGENT }] } }],
    });
    const caller = call!.id as string;
    const chained = await waitForCall(t, caller, (c) => c.chained_call_ids.length === 1, 'the agent leg', LIMIT);
    const transferer = chained.chained_call_ids[0] as string;
    await waitForCall(t, transferer, (c) => c.status === 'progressing', 'the agent to answer', LIMIT);
    await waitFor(
      async () => ((await asteriskAri('GET', '/bridges')).body as { channels: string[] }[]).some((b) => b.channels.includes(caller) && b.channels.includes(transferer)),
      (found) => found,
      'caller and agent in one bridge',
      LIMIT,
    );
    return { caller, transferer };
  }

  it('attended: music on hold and mute on the caller, the consult bridge, and complete bridging caller and transferee', async () => {
    const { caller, transferer } = await connected();
    const started = await transfer(t, transferer, { type: 'attended', destination: { type: 'tel', target: TRANSFEREE } });
    expect(started.status).toBe(200);
    const id = started.body.transfer_id as string;
    const consult = started.body.consult_call_id as string;
    expect(await waitFor(() => media(caller), (c) => c?.musicOnHold === true && c.muteDirection === 'IN', 'music on hold and mute on the caller', LIMIT)).toBeTruthy();

    await waitForTransfer(t, id, 'consulting');
    const consultBridge = await waitFor(() => bridgeChannels(`transfer-${id}`), (channels) => channels?.includes(transferer) === true && channels.includes(consult), 'the consult bridge', LIMIT);
    expect(consultBridge).not.toContain(caller);
    expect(await media(caller)).toMatchObject({ musicOnHold: true, muteDirection: 'IN' });

    expect((await rest(t, 'POST', `/transfers/${id}/complete`)).status).toBe(200);
    await waitForTransfer(t, id, 'completed');
    expect(await waitForHangup(t, transferer, LIMIT)).toMatchObject({ hangup_by: 'local' });
    const together = await waitFor(() => bridgeChannels(`transfer-${id}`), (channels) => channels?.includes(caller) === true && channels.includes(consult), 'caller and transferee bridged', LIMIT);
    expect(together).not.toContain(transferer);
    expect(await waitFor(() => media(caller), (c) => c?.musicOnHold === false && c.muteDirection === null, 'hold taken off the caller', LIMIT)).toBeTruthy();

    await rest(t, 'POST', `/calls/${caller}/hangup`);
    await waitForHangup(t, consult, LIMIT);
    expect(((await rest(t, 'GET', `/transfers/${id}/events`)).body.result as Json[]).map((event) => event.type)).toEqual([
      'transfer_created',
      'transfer_ringing',
      'transfer_answered',
      'transfer_completed',
    ]);
  }, 120_000);

  it('blind: the transferer leaves, the caller is rung until the transferee answers, then both are bridged', async () => {
    const { caller, transferer } = await connected();
    const { body } = await transfer(t, transferer, { type: 'blind', destination: { type: 'tel', target: TRANSFEREE } });
    const id = body.transfer_id as string;
    const consult = body.consult_call_id as string;
    expect(await waitForHangup(t, transferer, LIMIT)).toMatchObject({ hangup_by: 'local' });
    expect(await getCall(t, caller)).toMatchObject({ status: 'progressing' });
    const done = await waitForTransfer(t, id, 'completed');
    expect(done).toMatchObject({ type: 'blind', tm_ringing: expect.not.stringMatching(/^9999/), from_call_id: caller, to_call_id: consult });
    await waitFor(() => bridgeChannels(`transfer-${id}`), (channels) => channels?.includes(caller) === true && channels.includes(consult), 'caller and transferee bridged', LIMIT);
    expect((await asteriskAri('GET', `/channels/${caller}`)).body).toMatchObject({ state: 'Up' });
    await rest(t, 'POST', `/calls/${caller}/hangup`);
    await waitForHangup(t, consult, LIMIT);
  }, 120_000);

  it('two transferees: the one that answers wins and is bridged with the caller, the ringing one is cancelled and gone from Asterisk', async () => {
    const { caller, transferer } = await connected();
    // +15550002101 only rings in the sandbox context; TRANSFEREE answers after about a second.
    const { body } = await transfer(t, transferer, { type: 'blind', destinations: [{ type: 'tel', target: '+15550002101' }, { type: 'tel', target: TRANSFEREE }] });
    const id = body.transfer_id as string;
    const [ringing, answering] = body.transfer.consult_call_ids as string[];
    const done = await waitForTransfer(t, id, 'completed');
    expect(done).toMatchObject({ consult_call_id: answering, to_call_id: answering, groupcall_id: expect.any(String) });
    await waitFor(() => bridgeChannels(`transfer-${id}`), (channels) => channels?.includes(caller) === true && channels.includes(answering!), 'caller and the winner bridged', LIMIT);
    const loser = await waitForHangup(t, ringing!, LIMIT);
    expect(loser).toMatchObject({ hangup_by: 'local', hangup_reason: 'cancel' });
    const channels = ((await asteriskAri('GET', '/channels')).body as { id: string }[]).map((channel) => channel.id);
    expect(channels).not.toContain(loser.channel_id ?? ringing);
    await rest(t, 'POST', `/calls/${caller}/hangup`);
    await waitForHangup(t, answering!, LIMIT);
    const finals = ((await rest(t, 'GET', `/transfers/${id}/events`)).body.result as Json[]).filter((event) => ['transfer_completed', 'transfer_cancelled', 'transfer_failed'].includes(event.type));
    expect(finals.map((event) => event.type)).toEqual(['transfer_completed']);
  }, 120_000);
});
