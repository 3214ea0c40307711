import {
  CallMediaEventsDocument,
  CreateCallsDocument,
  GetCallMediaDocument,
  HangupCallDocument,
  HoldCallDocument,
  MuteCallDocument,
  SendDtmfDocument,
  SilenceCallDocument,
  StartMusicOnHoldDocument,
  StopMusicOnHoldDocument,
  UnholdCallDocument,
  UnmuteCallDocument,
  UnsilenceCallDocument,
} from './generated/graphql';
import { collect, graphql, wsClient } from './support/graphql-client';
import { simChannel } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

async function createCall(target: string): Promise<string> {
  const result = await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, {
    input: { source: { type: 'TEL', target: '+15551234567' }, destinations: [{ type: 'TEL', target }] },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createCalls[0]!.id;
}

const media = async (id: string) => (await graphql(t.baseUrl, t.accessKey, GetCallMediaDocument, { id })).data!.call!;
const waitForStatus = (id: string, status: string) => waitFor(() => media(id), (call) => call.status === status, `call ${id} ${status}`);
const farEnd = async (id: string) => (await simChannel(t.simUrl, id))!;

describe('media control mutations on a progressing call', () => {
  let id: string;
  beforeAll(async () => {
    id = await createCall('+15559870002');
    await waitForStatus(id, 'PROGRESSING');
  });

  it('holdCall / unholdCall', async () => {
    expect((await graphql(t.baseUrl, t.accessKey, HoldCallDocument, { id })).data?.holdCall).toMatchObject({ hold: true });
    expect(await farEnd(id)).toMatchObject({ hold: true });
    expect((await graphql(t.baseUrl, t.accessKey, UnholdCallDocument, { id })).data?.unholdCall).toMatchObject({ hold: false });
    expect(await farEnd(id)).toMatchObject({ hold: false });
  });

  it('muteCall / unmuteCall by direction', async () => {
    expect((await graphql(t.baseUrl, t.accessKey, MuteCallDocument, { id, direction: 'OUT' })).data?.muteCall).toMatchObject({ muteDirection: 'OUT' });
    expect(await farEnd(id)).toMatchObject({ mute: 'out' });
    expect((await graphql(t.baseUrl, t.accessKey, MuteCallDocument, { id, direction: 'BOTH' })).data?.muteCall).toMatchObject({ muteDirection: 'BOTH' });
    expect((await graphql(t.baseUrl, t.accessKey, UnmuteCallDocument, { id, direction: 'OUT' })).data?.unmuteCall).toMatchObject({ muteDirection: 'IN' });
    expect(await farEnd(id)).toMatchObject({ mute: 'in' });
    expect((await graphql(t.baseUrl, t.accessKey, UnmuteCallDocument, { id, direction: 'BOTH' })).data?.unmuteCall).toMatchObject({ muteDirection: null });
    expect(await farEnd(id)).toMatchObject({ mute: 'none' });
  });

  it('startMusicOnHold / stopMusicOnHold and silenceCall / unsilenceCall', async () => {
    expect((await graphql(t.baseUrl, t.accessKey, StartMusicOnHoldDocument, { id })).data?.startMusicOnHold).toMatchObject({ musicOnHold: true });
    expect(await farEnd(id)).toMatchObject({ moh: { active: true } });
    expect((await graphql(t.baseUrl, t.accessKey, StopMusicOnHoldDocument, { id })).data?.stopMusicOnHold).toMatchObject({ musicOnHold: false });
    expect(await farEnd(id)).toMatchObject({ moh: { active: false } });
    expect((await graphql(t.baseUrl, t.accessKey, SilenceCallDocument, { id })).data?.silenceCall).toMatchObject({ silenced: true });
    expect(await farEnd(id)).toMatchObject({ silence: true });
    expect((await graphql(t.baseUrl, t.accessKey, UnsilenceCallDocument, { id })).data?.unsilenceCall).toMatchObject({ silenced: false });
    expect(await farEnd(id)).toMatchObject({ silence: false });
  });

  it('sendDtmf delivers the digits to the far end', async () => {
    const result = await graphql(t.baseUrl, t.accessKey, SendDtmfDocument, { id, input: { digits: '9*D', duration: 120, interval: 0 } });
    expect(result.errors).toBeUndefined();
    expect((await farEnd(id)).dtmf_received).toEqual(['9', '*', 'D']);
  });

  it.each([
    [{ digits: '' }, 'digits'],
    [{ digits: '1e' }, 'digits'],
    [{ digits: '1', duration: 1001 }, 'duration'],
    [{ digits: '1', interval: -1 }, 'interval'],
  ])('sendDtmf %j is VALIDATION_FAILED naming %s and sends nothing', async (input, field) => {
    const before = await farEnd(id);
    const result = await graphql(t.baseUrl, t.accessKey, SendDtmfDocument, { id, input });
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toContain(field);
    expect(await farEnd(id)).toEqual(before);
  });
});

describe('media control events', () => {
  it('each change reaches subscribers as call_updated with the new state', async () => {
    const id = await createCall('+15559870003');
    await waitForStatus(id, 'PROGRESSING');
    const client = wsClient(t.baseUrl, t.accessKey);
    const subscription = collect(client, CallMediaEventsDocument, { callId: id });
    await graphql(t.baseUrl, t.accessKey, HoldCallDocument, { id });
    await graphql(t.baseUrl, t.accessKey, MuteCallDocument, { id, direction: 'IN' });
    await graphql(t.baseUrl, t.accessKey, UnholdCallDocument, { id });
    await graphql(t.baseUrl, t.accessKey, HangupCallDocument, { id });
    const events = await subscription.done;
    await client.dispose();
    const updates = events.filter((event) => event.callEvents.type === 'call_updated' && event.callEvents.call.status === 'PROGRESSING');
    expect(updates.map((event) => ({ hold: event.callEvents.call.hold, muteDirection: event.callEvents.call.muteDirection }))).toEqual([
      { hold: true, muteDirection: null },
      { hold: true, muteDirection: 'IN' },
      { hold: false, muteDirection: 'IN' },
    ]);
  });
});

describe('media control mutations on a call that is not progressing', () => {
  it('answer CALL_NOT_ANSWERED on a ringing call and CALL_ALREADY_HUNGUP on a hung-up one, changing nothing', async () => {
    const id = await createCall('+15550002200');
    await waitForStatus(id, 'RINGING');
    const controls = () => [
      graphql(t.baseUrl, t.accessKey, HoldCallDocument, { id }),
      graphql(t.baseUrl, t.accessKey, MuteCallDocument, { id, direction: 'BOTH' }),
      graphql(t.baseUrl, t.accessKey, StartMusicOnHoldDocument, { id }),
      graphql(t.baseUrl, t.accessKey, SilenceCallDocument, { id }),
      graphql(t.baseUrl, t.accessKey, SendDtmfDocument, { id, input: { digits: '1' } }),
    ];
    for (const status of ['RINGING', 'HANGUP']) {
      const before = await media(id);
      const farBefore = await farEnd(id);
      for (const result of await Promise.all(controls())) {
        expect(result.errors?.[0]?.extensions?.code).toBe(status === 'HANGUP' ? 'CALL_ALREADY_HUNGUP' : 'CALL_NOT_ANSWERED');
        expect(result.errors?.[0]?.message).toContain(status.toLowerCase());
      }
      expect(await media(id)).toEqual(before);
      expect(await farEnd(id)).toEqual(farBefore);
      if (status === 'RINGING') {
        await graphql(t.baseUrl, t.accessKey, HangupCallDocument, { id });
        await waitForStatus(id, 'HANGUP');
      }
    }
  });
});
