import { connect, type AriClient } from 'ari-client';
import { eventSignature, loadTrace, type TraceItem } from '../../../test/support/traces';
import { startAriSimulator, type RunningSimulator } from './index';

/** The simulator through ari-client over real HTTP and WebSocket, compared with real Asterisk. */
const DELAYS = { ringMs: 10, answerMs: 20, giveUpMs: 60, remoteHangupMs: 60 };
const APP = 'voice';
const SIGNIFICANT = ['StasisStart', 'Dial', 'ChannelStateChange', 'ChannelHangupRequest', 'StasisEnd', 'ChannelDestroyed', 'ChannelDtmfReceived'];

let sim: RunningSimulator;
let ari: AriClient;
const events: TraceItem[] = [];

beforeAll(async () => {
  sim = await startAriSimulator({ port: 0, username: 'u', password: 'p', delays: DELAYS });
  ari = await connect(sim.url, 'u', 'p');
  ari.on('*', (event: TraceItem) => events.push(event));
  await ari.start(APP);
});
afterAll(async () => {
  ari.stop();
  await sim.close();
});

async function until(predicate: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !predicate(); waited += 5) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const destroyed = (id: string) => () => events.some((event) => event.type === 'ChannelDestroyed' && event.channel?.id === id);
const signature = (id: string) => eventSignature(events, id, SIGNIFICANT);
const sim$ = async (path: string, body?: unknown) =>
  fetch(`${sim.url}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function createAndDial(id: string, target: string, timeout?: number): Promise<void> {
  await ari.channels.create!({ endpoint: `PJSIP/${target}@carrier`, app: APP, channelId: id });
  await ari.channels.dial!({ channelId: id, ...(timeout ? { timeout } : {}) });
}

describe('the ARI simulator, as ari-client sees it', () => {
  it('answers a normal number and hangs up on request with the events of a real Asterisk', async () => {
    await createAndDial('normal-1', '+15559876543');
    await until(() => signature('normal-1').includes('Dial:ANSWER'), 'the answer');
    await ari.channels.hangup!({ channelId: 'normal-1' });
    await until(destroyed('normal-1'), 'ChannelDestroyed');
    const trace = loadTrace('create-dial-pjsip-answer-play-hangup');
    const expected = eventSignature(trace, trace.find((item) => item.type === 'StasisStart')!.channel!.id, SIGNIFICANT);
    expect(signature('normal-1')).toEqual(expected);
  });

  it('reports a busy far end without ringing, and keeps the channel until the app ends it', async () => {
    await createAndDial('busy-1', '+15550001001');
    await until(() => signature('busy-1').includes('Dial:BUSY'), 'Dial BUSY');
    expect((await ari.channels.list!()).map((channel: { id: string }) => channel.id)).toContain('busy-1');
    await ari.channels.hangup!({ channelId: 'busy-1', reason_code: '17' });
    await until(destroyed('busy-1'), 'ChannelDestroyed');
    const trace = loadTrace('create-dial-local-busy');
    expect(signature('busy-1')).toEqual(eventSignature(trace, 'call-1795462313057', SIGNIFICANT));
  });

  it('ends a dial that outlives its timeout as Asterisk does: cause 19 while ringing', async () => {
    await createAndDial('timeout-1', '+15550002001', 1);
    await until(destroyed('timeout-1'), 'ChannelDestroyed');
    const trace = loadTrace('create-dial-local-dial-timeout-3s');
    expect(signature('timeout-1')).toEqual(eventSignature(trace, 'call-1795462315394', SIGNIFICANT));
  });

  it.each([
    ['+15550003001', 'gives up while ringing', ['Dial:RINGING', 'ChannelDestroyed:19']],
    ['+15550005001', 'answers, then hangs up', ['Dial:ANSWER', 'ChannelHangupRequest:16', 'ChannelDestroyed:16']],
  ])('plays %s: the far end %s', async (target, _what, expectedParts) => {
    const id = `far-${target}`;
    await createAndDial(id, target);
    await until(destroyed(id), 'ChannelDestroyed');
    const seen = signature(id);
    for (const part of expectedParts) expect(seen).toContain(part);
  });

  it('reports an unreachable number as CONGESTION without ringing', async () => {
    await createAndDial('unreach-1', '+15550004001');
    await until(() => signature('unreach-1').includes('Dial:CONGESTION'), 'CONGESTION');
    expect(signature('unreach-1')).not.toContain('ChannelStateChange:Ringing');
    await ari.channels.hangup!({ channelId: 'unreach-1', reason_code: '34' });
    await until(destroyed('unreach-1'), 'ChannelDestroyed');
    expect(signature('unreach-1').at(-1)).toBe('ChannelDestroyed:34');
  });

  it('brings an incoming call into Stasis ringing, and records what the far end experienced', async () => {
    const response = await sim$('/sim/calls', { source: { target: '+15551112222' }, destination: { target: '+15553334444' } });
    const { channel_id: id } = (await response.json()) as { channel_id: string };
    await until(() => signature(id).includes('StasisStart'), 'StasisStart');
    const start = events.find((event) => event.type === 'StasisStart' && event.channel?.id === id) as TraceItem & {
      channel: { state: string; caller: { number: string }; dialplan: { exten: string } };
    };
    expect(start.channel).toMatchObject({ state: 'Ring', caller: { number: '+15551112222' }, dialplan: { exten: '+15553334444' } });
    await ari.channels.answer!({ channelId: id });
    await ari.channels.hold!({ channelId: id });
    await ari.channels.sendDTMF!({ channelId: id, dtmf: '12#' });
    await ari.channels.mute!({ channelId: id, direction: 'in' });
    await sim$(`/sim/channels/${id}/dtmf`, { digits: '7*' });
    await until(() => signature(id).filter((entry) => entry === 'ChannelDtmfReceived').length === 2, 'two DTMF events');
    const digits = events.filter((event) => event.type === 'ChannelDtmfReceived' && event.channel?.id === id).map((event) => event.digit);
    expect(digits).toEqual(['7', '*']);
    // The app's own DTMF plays out before the app hangs up; from the dialplan, the channel brings no ChannelDestroyed.
    await ari.channels.hangup!({ channelId: id });
    await until(() => signature(id).includes('StasisEnd'), 'StasisEnd');
    const record = await (await sim$(`/sim/channels/${id}`)).json();
    expect(record).toMatchObject({ direction: 'incoming', hold: true, mute: 'in', dtmf_received: ['1', '2', '#'], dtmf_sent: ['7', '*'], hangup_cause: 16, state: 'Destroyed' });
    expect(signature(id)).not.toContain('ChannelDestroyed:16');
  });

  it('answers 404 with an Asterisk error body for a channel that does not exist', async () => {
    await expect(ari.channels.hangup!({ channelId: 'nobody' })).rejects.toThrow('Channel not found');
    expect((await sim$('/sim/channels/nobody')).status).toBe(404);
  });

  it('lets ari-client reconnect after the event socket drops, with live channels still listed', async () => {
    await createAndDial('survivor-1', '+15559870000');
    await until(() => signature('survivor-1').includes('Dial:ANSWER'), 'the answer');
    let reconnected = false;
    ari.once('WebSocketConnected', () => (reconnected = true));
    const dropped = (await (await sim$('/sim/ws/drop', {})).json()) as { dropped: number };
    expect(dropped.dropped).toBeGreaterThan(0);
    await until(() => reconnected, 'WebSocketConnected');
    expect((await ari.channels.list!()).map((channel: { id: string }) => channel.id)).toContain('survivor-1');
    await ari.channels.hangup!({ channelId: 'survivor-1' });
    await until(destroyed('survivor-1'), 'ChannelDestroyed after the reconnect');
  });

  it('refuses ARI requests without the credentials', async () => {
    expect((await fetch(`${sim.url}/ari/channels`)).status).toBe(401);
  });
});
