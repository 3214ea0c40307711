import { connect } from 'ari-client';
import { startKit, TEST_DELAYS, traceEvents, traceWords, wordsOf, type Kit } from './simulator-test-kit';

/** Outgoing calls the way the product makes them (channels/create, then dial), against the traces. */
let kit: Kit;
beforeAll(async () => {
  kit = await startKit(connect);
});
afterAll(() => kit.close());

const ASTERISK_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/;

async function createAndDial(channelId: string, endpoint: string, dial: Record<string, unknown> = {}): Promise<void> {
  await kit.ari.channels.create!({ endpoint, app: kit.app, channelId, appArgs: 'outgoing' });
  await kit.ari.channels.dial!({ channelId, ...dial });
}

const destroyed = (channelId: string) => kit.log.waitFor('ChannelDestroyed', channelId);
const dialStatus = (channelId: string, status: string) => kit.log.waitFor('Dial', channelId, (event) => event.dialstatus === status);

describe('an outgoing call to a number that answers', () => {
  it('rings, answers, plays and hangs up with the events of create-dial-pjsip-answer-play-hangup', async () => {
    await createAndDial('answer-1', 'PJSIP/+15557770001@carrier');
    await dialStatus('answer-1', 'ANSWER');
    await kit.ari.channels.play!({ channelId: 'answer-1', media: 'sound:beep', playbackId: 'pb-answer-1' });
    await kit.log.wait((event) => event.type === 'PlaybackFinished' && event.playback?.id === 'pb-answer-1', 'PlaybackFinished');
    await kit.ari.channels.hangup!({ channelId: 'answer-1' });
    await destroyed('answer-1');

    expect(wordsOf(kit.log.of('answer-1'))).toEqual(traceWords('create-dial-pjsip-answer-play-hangup', 'call-1795462311225'));
  });

  it('sends events with the fields and formats Asterisk sends', async () => {
    const trace = traceEvents('create-dial-pjsip-answer-play-hangup');
    const ours = kit.log.of('answer-1');
    for (const type of ['StasisStart', 'Dial', 'ChannelStateChange', 'PlaybackStarted', 'ChannelHangupRequest', 'ChannelDestroyed']) {
      const mine = ours.find((event) => event.type === type)!;
      const real = trace.find((event) => event.type === type)!;
      expect(Object.keys(mine).sort()).toEqual(Object.keys(real).filter((key) => key !== '_ms').sort());
      expect(mine.timestamp).toMatch(ASTERISK_TIME);
      expect(mine).toMatchObject({ asterisk_id: real.asterisk_id, application: 'voice' });
    }
    const start = ours.find((event) => event.type === 'StasisStart')!;
    expect(Object.keys(start.channel!).sort()).toEqual(Object.keys(trace.find((event) => event.type === 'StasisStart')!.channel!).sort());
    expect(start).toMatchObject({ args: ['outgoing'], channel: { id: 'answer-1', name: expect.stringMatching(/^PJSIP\/carrier-[0-9a-f]{8}$/), dialplan: { app_name: 'Stasis', app_data: 'voice,outgoing' } } });
    expect(ours.find((event) => event.type === 'Dial')).toMatchObject({ dialstatus: '', forward: '', dialstring: '+15557770001@carrier' });
    expect(ours.find((event) => event.type === 'PlaybackStarted')!.playback).toEqual({ id: 'pb-answer-1', media_uri: 'sound:beep', target_uri: 'channel:answer-1', language: 'en', state: 'playing' });
    expect(ours.at(-1)).toMatchObject({ cause: 16, cause_txt: 'Normal Clearing', channel: { dialplan: { app_name: '', app_data: '' } } });
  });

  it('records what the far end experienced, after hangup too', async () => {
    const record = await kit.simGet('/sim/channels/answer-1');
    expect(record).toMatchObject({ direction: 'outgoing', target: '+15557770001', far_end: 'answer', state: 'Destroyed', dial_status: 'ANSWER', hangup_cause: 16, hangup_by: 'application' });
    expect(record.played).toEqual([expect.objectContaining({ media: 'sound:beep', playback_id: 'pb-answer-1', finished_at: expect.any(String), stopped: false })]);
    expect(Date.parse(record.answered_at!)).toBeLessThanOrEqual(Date.parse(record.destroyed_at!));
    await expect(kit.ari.channels.get!({ channelId: 'answer-1' })).rejects.toThrow('{"message":"Channel not found"}');
  });

  it('takes the caller number from the CALLERID(num) variable', async () => {
    await kit.ari.channels.create!({ endpoint: 'PJSIP/+15557770002@carrier', app: kit.app, channelId: 'cid-1', variables: { 'CALLERID(num)': '+15551230000' } });
    const start = await kit.log.waitFor('StasisStart', 'cid-1');
    expect(start.channel).toMatchObject({ caller: { number: '+15551230000' } });
    await kit.ari.channels.hangup!({ channelId: 'cid-1' });
  });

  it('records the variables and formats a channel was created with, and refuses a format Asterisk does not know', async () => {
    const variables = { 'CALLERID(num)': '+15551230000', 'PJSIP_HEADER(add,X-Account)': 'acme' };
    await kit.ari.channels.create!({ endpoint: 'PJSIP/+15557770012@carrier', app: kit.app, channelId: 'vars-1', formats: 'ulaw,alaw', variables });
    await kit.ari.channels.hangup!({ channelId: 'vars-1' });
    await destroyed('vars-1');
    expect(await kit.simGet('/sim/channels/vars-1')).toMatchObject({ variables, formats: 'ulaw,alaw' });
    await expect(kit.ari.channels.create!({ endpoint: 'PJSIP/+15557770013@carrier', app: kit.app, channelId: 'vars-2', formats: 'ulaw,pcmu' })).rejects.toThrow('Provided format (pcmu) was not found');
    expect(await kit.simGet('/sim/channels/vars-2')).toEqual({ message: 'Channel not found' });
  });

  it('ends with the cause the app gives: a reason_code, or a reason word', async () => {
    await createAndDial('cause-1', 'PJSIP/+15557770003@carrier');
    await kit.ari.channels.hangup!({ channelId: 'cause-1', reason_code: '21' });
    expect((await destroyed('cause-1')).cause).toBe(21);
    await createAndDial('cause-2', 'PJSIP/+15557770004@carrier');
    await expect(kit.ari.channels.hangup!({ channelId: 'cause-2', reason: 'busy', reason_code: '17' })).rejects.toThrow("can't both be specified");
    await kit.ari.channels.hangup!({ channelId: 'cause-2', reason: 'busy' });
    expect(await destroyed('cause-2')).toMatchObject({ cause: 17, cause_txt: 'User busy' });
  });
});

describe('the sandbox number plan', () => {
  it('+15550001xxx is busy: no ringing, Dial BUSY, in Stasis until the app ends it (create-dial-local-busy)', async () => {
    await createAndDial('busy-1', 'PJSIP/+15550001234@carrier');
    await dialStatus('busy-1', 'BUSY');
    expect(await kit.ari.channels.get!({ channelId: 'busy-1' })).toMatchObject({ state: 'Down' });
    await kit.ari.channels.hangup!({ channelId: 'busy-1', reason_code: '17' });
    await destroyed('busy-1');
    expect(wordsOf(kit.log.of('busy-1'))).toEqual(traceWords('create-dial-local-busy', 'call-1795462313057'));
  });

  it('+15550002xxx rings and never answers', async () => {
    await createAndDial('forever-1', 'Local/+15550002001@sandbox');
    await dialStatus('forever-1', 'RINGING');
    await new Promise((resolve) => setTimeout(resolve, 5 * (TEST_DELAYS.answerMs + TEST_DELAYS.giveUpMs)));
    expect(await kit.ari.channels.get!({ channelId: 'forever-1' })).toMatchObject({ state: 'Ringing', name: expect.stringMatching(/^Local\/\+15550002001@sandbox-[0-9a-f]{8};1$/) });
    expect(wordsOf(kit.log.of('forever-1')).slice(-2)).toEqual(['ChannelStateChange:Ringing', 'Dial:RINGING']);
    await kit.ari.channels.hangup!({ channelId: 'forever-1' });
    await destroyed('forever-1');
  });

  it('ends a dial past its timeout as Asterisk does, cause 19 (create-dial-local-dial-timeout-3s)', async () => {
    await createAndDial('timeout-1', 'PJSIP/+15550002002@carrier', { timeout: 1 });
    await destroyed('timeout-1');
    expect(wordsOf(kit.log.of('timeout-1'))).toEqual(traceWords('create-dial-local-dial-timeout-3s', 'call-1795462315394'));
    expect(await kit.simGet('/sim/channels/timeout-1')).toMatchObject({ hangup_cause: 19, hangup_by: 'media_server' });
  });

  it('+15550003xxx rings, then the far end gives up: no final Dial status, cause 19', async () => {
    await createAndDial('giveup-1', 'PJSIP/+15550003001@carrier');
    await destroyed('giveup-1');
    expect(wordsOf(kit.log.of('giveup-1')).slice(3)).toEqual([
      'Dial:',
      'ChannelStateChange:Ringing',
      'Dial:RINGING',
      'ChannelHangupRequest:19',
      'StasisEnd',
      'ChannelVarset:STASISSTATUS=SUCCESS',
      'ChannelDestroyed:19',
    ]);
    expect(await kit.simGet('/sim/channels/giveup-1')).toMatchObject({ hangup_by: 'far_end', answered_at: null });
  });

  it('+15550004xxx is unreachable: Dial CONGESTION without ringing, in Stasis until the app ends it (failover-congestion-then-answer)', async () => {
    await createAndDial('unreachable-1', 'PJSIP/+15550004001@carrier');
    await dialStatus('unreachable-1', 'CONGESTION');
    await kit.ari.channels.hangup!({ channelId: 'unreachable-1', reason_code: '34' });
    await destroyed('unreachable-1');
    expect(wordsOf(kit.log.of('unreachable-1')).slice(3)).toEqual(['Dial:', 'Dial:CONGESTION', 'ChannelHangupRequest:soft', 'StasisEnd', 'ChannelVarset:STASISSTATUS=SUCCESS', 'ChannelDestroyed:34']);
  });

  describe('failing providers, as in failover-congestion-then-answer', () => {
    const trace = (route: string) => traceWords('failover-congestion-then-answer', `${route}-1796163892259`);

    it('the sandbox provider [provider-congested] ends the dial CONGESTION, the app ends the channel (route1)', async () => {
      await createAndDial('provider-congested-1', 'Local/+15557770001@provider-congested');
      await dialStatus('provider-congested-1', 'CONGESTION');
      await kit.ari.channels.hangup!({ channelId: 'provider-congested-1' });
      await destroyed('provider-congested-1');
      expect(wordsOf(kit.log.of('provider-congested-1'))).toEqual(trace('route1'));
    });

    it('the sandbox provider [provider-down] is hung up by its far end with 38 before it rings (route2)', async () => {
      await createAndDial('provider-down-1', 'Local/+15557770001@provider-down');
      await destroyed('provider-down-1');
      expect(wordsOf(kit.log.of('provider-down-1'))).toEqual(trace('route2'));
    });

    it('a provider programmed by its endpoint template fails every dial through it, and only those', async () => {
      expect((await kit.simPost('/sim/far-ends', { endpoint: 'PJSIP/{target}@sim-failing', dial_status: 'CONGESTION' })).status).toBe(204);
      expect((await kit.simPost('/sim/far-ends', { endpoint: 'PJSIP/{target}@sim-down', hangup_cause: 38 })).status).toBe(204);
      expect((await kit.simPost('/sim/far-ends', { endpoint: 'no-target', hangup_cause: 38 })).status).toBe(400);
      expect((await kit.simPost('/sim/far-ends', { endpoint: 'PJSIP/{target}@x', dial_status: 'RINGING' })).status).toBe(400);
      await createAndDial('programmed-1', 'PJSIP/+15557770002@sim-failing');
      await dialStatus('programmed-1', 'CONGESTION');
      await kit.ari.channels.hangup!({ channelId: 'programmed-1' });
      await createAndDial('programmed-2', 'PJSIP/+15557770002@sim-down');
      await destroyed('programmed-2');
      expect(kit.log.of('programmed-2').find((event) => event.type === 'ChannelDestroyed')?.cause).toBe(38);
      await createAndDial('programmed-3', 'PJSIP/+15557770002@sim-working');
      await dialStatus('programmed-3', 'ANSWER');
      await kit.ari.channels.hangup!({ channelId: 'programmed-3' });
    });
  });

  it('+15550005xxx answers, then the far end hangs up with cause 16', async () => {
    await createAndDial('short-1', 'PJSIP/+15550005001@carrier');
    await destroyed('short-1');
    expect(wordsOf(kit.log.of('short-1')).slice(-6)).toEqual([
      'ChannelStateChange:Up',
      'Dial:ANSWER',
      'ChannelHangupRequest:16',
      'StasisEnd',
      'ChannelVarset:STASISSTATUS=SUCCESS',
      'ChannelDestroyed:16',
    ]);
    expect(await kit.simGet('/sim/channels/short-1')).toMatchObject({ hangup_by: 'far_end', hangup_cause: 16, answered_at: expect.any(String) });
  });

  it('+15550006xxx answers with a voicemail greeting', async () => {
    await createAndDial('voicemail-1', 'PJSIP/+15550006001@carrier');
    await dialStatus('voicemail-1', 'ANSWER');
    expect(await kit.simGet('/sim/channels/voicemail-1')).toMatchObject({ far_end: 'voicemail', voicemail_greeting: true, state: 'Up' });
    await kit.ari.channels.hangup!({ channelId: 'voicemail-1' });
  });

  it('+15550007xxx answers at once and hears the digits sent to it, each with its time', async () => {
    await createAndDial('listen-1', 'Local/+15550007001@sandbox');
    await dialStatus('listen-1', 'ANSWER');
    expect(wordsOf(kit.log.of('listen-1'))).not.toContain('Dial:RINGING');
    await kit.ari.channels.sendDTMF!({ channelId: 'listen-1', dtmf: '5#', duration: 100, between: 100 });
    await kit.ari.channels.hangup!({ channelId: 'listen-1' });
    await destroyed('listen-1');
    const heard = (await kit.simGet('/sim/channels/listen-1')).dtmf_heard;
    expect(heard.map((digit) => digit.digit)).toEqual(['5', '#']);
    expect(Date.parse(heard[1]!.at) - Date.parse(heard[0]!.at)).toBe(200);
  });

  it('SIP URIs and endpoints answer like any other number', async () => {
    await createAndDial('sip-1', 'PJSIP/sipout/sip:alice@example.com');
    await dialStatus('sip-1', 'ANSWER');
    expect(await kit.simGet('/sim/channels/sip-1')).toMatchObject({ target: 'alice', far_end: 'answer' });
    await kit.ari.channels.hangup!({ channelId: 'sip-1' });
  });
});

describe('the far end played through /sim', () => {
  it('answers a ringing call on request', async () => {
    await createAndDial('simanswer-1', 'PJSIP/+15550002003@carrier');
    await dialStatus('simanswer-1', 'RINGING');
    expect((await kit.simPost('/sim/channels/simanswer-1/answer')).status).toBe(204);
    await dialStatus('simanswer-1', 'ANSWER');
    expect((await kit.simPost('/sim/channels/simanswer-1/answer')).status).toBe(409);
    await kit.ari.channels.hangup!({ channelId: 'simanswer-1' });
  });

  it('hangs up a ringing call: the channel ends by itself with the cause, no final Dial status', async () => {
    await createAndDial('simreject-1', 'PJSIP/+15550002004@carrier');
    await dialStatus('simreject-1', 'RINGING');
    await kit.simPost('/sim/channels/simreject-1/hangup', { cause: 17 });
    await destroyed('simreject-1');
    expect(wordsOf(kit.log.of('simreject-1')).slice(-5)).toEqual(['Dial:RINGING', 'ChannelHangupRequest:17', 'StasisEnd', 'ChannelVarset:STASISSTATUS=SUCCESS', 'ChannelDestroyed:17']);
  });
});

describe('errors, as Asterisk answers them', () => {
  it('answers 404 Channel not found for a channel that does not exist, on ARI and /sim', async () => {
    for (const operation of [() => kit.ari.channels.get!({ channelId: 'nobody' }), () => kit.ari.channels.hangup!({ channelId: 'nobody' }), () => kit.ari.channels.dial!({ channelId: 'nobody' })]) {
      await expect(operation()).rejects.toThrow('{"message":"Channel not found"}');
    }
    expect((await fetch(`${kit.sim.url}/sim/channels/nobody`)).status).toBe(404);
    expect((await kit.simPost('/sim/channels/nobody/hangup')).status).toBe(404);
  });

  it('refuses a second dial and a channel id in use with 409', async () => {
    await createAndDial('twice-1', 'PJSIP/+15550002005@carrier');
    await expect(kit.ari.channels.dial!({ channelId: 'twice-1' })).rejects.toThrow("Channel is not in the 'Down' state");
    await expect(kit.ari.channels.create!({ endpoint: 'PJSIP/+15557770009@carrier', app: kit.app, channelId: 'twice-1' })).rejects.toThrow('already exists');
    await kit.ari.channels.hangup!({ channelId: 'twice-1' });
  });

  it('answers 400 for missing or bad parameters', async () => {
    await expect(kit.ari.channels.create!({ endpoint: 'nonsense', app: kit.app })).rejects.toThrow('Invalid endpoint specified');
    await createAndDial('bad-1', 'PJSIP/+15557770010@carrier');
    await expect(kit.ari.channels.hangup!({ channelId: 'bad-1', reason: 'bored' })).rejects.toThrow('Invalid reason for hangup provided');
    await kit.ari.channels.hangup!({ channelId: 'bad-1' });
  });
});
