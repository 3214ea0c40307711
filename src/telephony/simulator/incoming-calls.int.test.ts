import { connect } from 'ari-client';
import { startKit, traceEvents, traceWords, wordsOf, type Kit } from './simulator-test-kit';

/** Calls arriving through /sim/calls, and the far end (the caller) pressing keys and hanging up. */
let kit: Kit;
beforeAll(async () => {
  kit = await startKit(connect, 'inbound-app');
});
afterAll(() => kit.close());

async function incomingCall(source = '+15551230000', destination = '+15559990000'): Promise<string> {
  const response = await kit.simPost('/sim/calls', { source: { type: 'tel', target: source }, destination: { type: 'tel', target: destination } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { channel_id: string }).channel_id;
}

describe('an incoming call', () => {
  it('enters Stasis ringing, with the caller and called numbers (inbound-pjsip-ring-answer-remote-bye)', async () => {
    const id = await incomingCall();
    const start = await kit.log.waitFor('StasisStart', id);
    const real = traceEvents('inbound-pjsip-ring-answer-remote-bye').find((event) => event.type === 'StasisStart')!;
    expect(Object.keys(start.channel!).sort()).toEqual(Object.keys(real.channel!).sort());
    expect(start).toMatchObject({
      args: ['inbound'],
      application: 'inbound-app',
      channel: { state: 'Ring', caller: { number: '+15551230000' }, dialplan: { exten: '+15559990000', app_name: 'Stasis', app_data: 'inbound-app,inbound' } },
    });
    expect(start.channel!.name).toMatch(/^PJSIP\//);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rings and is answered by the app, then the caller hangs up', async () => {
    const id = await incomingCall('+15551230001');
    await kit.log.waitFor('StasisStart', id);
    await kit.ari.channels.ring!({ channelId: id });
    expect(await kit.simGet(`/sim/channels/${id}`)).toMatchObject({ direction: 'incoming', ringback: true, state: 'Ring' });
    await kit.ari.channels.answer!({ channelId: id });
    await kit.log.waitFor('ChannelStateChange', id);
    await kit.simPost(`/sim/channels/${id}/hangup`);
    await kit.log.waitFor('StasisEnd', id);
    expect(await kit.simGet(`/sim/channels/${id}`)).toMatchObject({ state: 'Destroyed', hangup_by: 'far_end', hangup_cause: 0, answered_at: expect.any(String) });

    // The caller's BYE: a hangup request without a cause, StasisEnd, and nothing after it.
    expect(wordsOf(kit.log.of(id))).toEqual(traceWords('inbound-pjsip-ring-answer-remote-bye', '1795462354.30'));
  });

  it('brings ChannelDestroyed with cause 0 for a BYE once the app subscribed (inbound-pjsip-remote-hangup-subscribed)', async () => {
    const id = await incomingCall('+15551230009');
    await kit.log.waitFor('StasisStart', id);
    await kit.ari.applications.subscribe!({ applicationName: kit.app, eventSource: `channel:${id}` });
    await kit.ari.channels.ring!({ channelId: id });
    await kit.ari.channels.answer!({ channelId: id });
    await kit.log.waitFor('ChannelStateChange', id);
    await kit.simPost(`/sim/channels/${id}/hangup`);
    await kit.log.waitFor('ChannelDestroyed', id);
    expect(wordsOf(kit.log.of(id))).toEqual(traceWords('inbound-pjsip-remote-hangup-subscribed', '1796163877.27032'));
    await expect(kit.ari.applications.subscribe!({ applicationName: kit.app, eventSource: `channel:${id}` })).rejects.toThrow('Event source does not exist');
    await expect(kit.ari.applications.subscribe!({ applicationName: kit.app, eventSource: `nonsense:${id}` })).rejects.toThrow('Invalid event source URI scheme');
  });

  it('delivers the keys the caller presses as ChannelDtmfReceived, one per digit (originate-local-dtmf-received)', async () => {
    const id = await incomingCall('+15551230002');
    await kit.log.waitFor('StasisStart', id);
    await kit.ari.channels.answer!({ channelId: id });
    expect((await kit.simPost(`/sim/channels/${id}/dtmf`, { digits: '12#' })).status).toBe(204);
    await kit.log.waitFor('ChannelDtmfReceived', id, (event) => event.digit === '#');

    const received = kit.log.of(id).filter((event) => event.type === 'ChannelDtmfReceived');
    expect(received.map((event) => [event.digit, event.duration_ms])).toEqual([['1', 100], ['2', 100], ['#', 100]]);
    const real = traceEvents('originate-local-dtmf-received').find((event) => event.type === 'ChannelDtmfReceived')!;
    expect(Object.keys(received[0]!).sort()).toEqual(Object.keys(real).filter((key) => key !== '_ms').sort());
    expect(await kit.simGet(`/sim/channels/${id}`)).toMatchObject({ dtmf_sent: ['1', '2', '#'], dtmf_received: [] });
    await kit.ari.channels.hangup!({ channelId: id });
  });

  it('ends with the cause the app gives when the app hangs up', async () => {
    const id = await incomingCall('+15551230003');
    await kit.log.waitFor('StasisStart', id);
    await kit.ari.applications.subscribe!({ applicationName: kit.app, eventSource: `channel:${id}` });
    await kit.ari.channels.hangup!({ channelId: id, reason_code: '1' });
    expect(await kit.log.waitFor('ChannelDestroyed', id)).toMatchObject({ cause: 1, cause_txt: 'Unallocated (unassigned) number' });
    expect(await kit.simGet(`/sim/channels/${id}`)).toMatchObject({ hangup_by: 'application', hangup_cause: 1 });
  });

  it('refuses a call nobody can take, and a call without numbers', async () => {
    const nobody = await kit.simPost('/sim/calls', { source: { target: '+15551230000' }, destination: { target: '+15559990000' }, app: 'no-such-app' });
    expect(nobody.status).toBe(404);
    expect(await nobody.json()).toEqual({ message: expect.any(String) });
    expect((await kit.simPost('/sim/calls', { destination: { target: '+15559990000' } })).status).toBe(400);
    expect((await kit.simPost(`/sim/channels/nobody/dtmf`, { digits: '1' })).status).toBe(404);
  });

  it('lists the far ends it knows, live and ended', async () => {
    const records = await kit.simGet<{ id: string; direction: string }[]>('/sim/channels');
    expect(records.length).toBeGreaterThanOrEqual(4);
    expect(records.every((record) => record.direction === 'incoming')).toBe(true);
  });
});
