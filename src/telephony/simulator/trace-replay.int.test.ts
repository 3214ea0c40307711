import { readdirSync } from 'node:fs';
import { connect } from 'ari-client';
import { loadTraceHeader, TRACE_DIR } from '../../../test/support/traces';
import type { FarEndRecord } from './channel';
import { startKit, type Kit } from './simulator-test-kit';
import { replayTrace, type ReplayPlan } from './trace-replayer';

/**
 * Every recorded trace replayed against the simulator, through ari-client over HTTP and
 * WebSocket: the same requests in the same order, the far ends played as the trace's notes say,
 * and the events of each of the application's channels compared (names, states, causes).
 */
/** The older traces' far ends (context `sim`) had their own numbers: these are the sandbox's that do the same. */
const ANSWERS = 'Local/+15559990001@sandbox';
const originate = (channelId: string) => ({ op: 'POST /channels (originate)', endpoint: ANSWERS, channelId, callerId: '+15551234567' });
/** The far ends that answer at once, without ringing (a Read() in the dialplan, a SIP peer). */
const ANSWERS_AT_ONCE = ['+15559990200', '+15550009002'].map((target) => ({ target, rings: false }));

const PLANS: Record<string, ReplayPlan> = {
  'create-dial-pjsip-answer-play-hangup': { endpoints: { 'PJSIP/+15550001234@sipp': 'PJSIP/+15559990001@sipp' } },
  'create-dial-local-busy': { endpoints: { 'Local/+15551110002@sim': 'Local/+15550001002@sandbox' } },
  'create-dial-local-dial-timeout-3s': { endpoints: { 'Local/+15552220003@sim': 'Local/+15550002003@sandbox' } },
  'originate-local-answer-then-api-hangup': { endpoints: { 'Local/+15550001234@sim': ANSWERS } },
  'originate-local-answer-remote-hangup': { endpoints: { 'Local/+15554440001@sim': 'Local/+15550005001@sandbox' }, farEnds: [{ target: '+15550005001', rings: false }] },
  'originate-local-busy': { endpoints: { 'Local/+15551110001@sim': 'Local/+15550001001@sandbox' } },
  'originate-local-congestion': { endpoints: { 'Local/+15553330001@sim': 'Local/+15550004001@sandbox' } },
  'originate-local-noanswer-timeout-3s': { endpoints: { 'Local/+15552220001@sim': 'Local/+15550002001@sandbox' } },
  'originate-local-ringing-then-api-cancel': { endpoints: { 'Local/+15552220002@sim': 'Local/+15550002002@sandbox' } },
  'originate-local-unallocated': { endpoints: { 'Local/+19990000001@sim': 'Local/+19990000001@sandbox' }, farEnds: [{ target: '+19990000001', hangup_cause: 1 }] },
  'media-controls-hold-moh-mute-dtmf-ring': { preamble: [originate('call-1795462323918')], farEnds: [{ target: '+15559990001', rings: false }] },
  'bridge-two-calls-record-snoop': { preamble: [originate('a-1795462329080'), originate('b-1795462329080')], farEnds: [{ target: '+15559990001', rings: false }] },
  'inbound-pjsip-ring-answer-remote-bye': { farEndHangups: { '1795462354.30': 'bye' } },
  'inbound-pjsip-remote-hangup-subscribed': { farEndHangups: { '1796163877.27032': 'bye' } },
  'originate-local-dtmf-received': { endpoints: { 'Local/+15557770001@sim': ANSWERS }, farEnds: [{ target: '+15559990001', rings: false }], farEndDigits: { 'call-1795462319905': '12#' } },
  // leg2 of the trace answers 200 ms after leg1; here it waits long enough to be hung up first.
  'ring-all-three-legs-first-answer-wins': { farEnds: [{ target: '+15559990120', answer_ms: 5000 }] },
  'failover-congestion-then-answer': { farEnds: [{ target: '+15559990138', hangup_cause: 38 }] },
  'attended-transfer-moh-consult-complete': { farEndHangups: { 'b-1796163895999': 16 } },
  'attended-transfer-holding-bridge-moh-consult-complete': { farEndHangups: { 'b-1796163902267': 16 } },
  'stasis-start-before-dial': { holdStasisStart: true },
  'dtmf-send-timing': { realTime: true, farEnds: ANSWERS_AT_ONCE },
  'dtmf-send-timing-hangup-100ms': { realTime: true, farEnds: ANSWERS_AT_ONCE },
  'dtmf-send-timing-hangup-100ms-sip-audio': { realTime: true, farEnds: ANSWERS_AT_ONCE },
};

/** Traces whose comparison waits for something the simulator cannot do yet, with the reason. */
const PENDING: Record<string, string> = {};

const traces = readdirSync(TRACE_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''));

let kits: Kit[] = [];
afterEach(async () => {
  await Promise.all(kits.map((kit) => kit.close()));
  kits = [];
});

describe('replaying every recorded trace against the simulator', () => {
  it('covers every trace of the fixtures folder', () => {
    expect(traces.length).toBeGreaterThanOrEqual(28);
  });

  for (const name of traces) {
    if (PENDING[name]) {
      it.todo(`${name}: ${PENDING[name]}`);
      continue;
    }
    it(`${name}: the same events per channel, in order, with the same states and causes`, async () => {
      const kit = await startKit(connect, loadTraceHeader(name).app);
      kits.push(kit);
      const result = await replayTrace(kit, name, PLANS[name]);
      expect(result.ours).toEqual(result.theirs);
      expect(result.oursGlobal).toEqual(result.theirsGlobal);
    }, 30_000);
  }
});

describe('what the far ends received in the replays', () => {
  const record = (kit: Kit, id: string) => kit.simGet<FarEndRecord>(`/sim/channels/${encodeURIComponent(id)}`);

  it('callerid-presentation: the caller id offered for CALLERID(num) alone, with CONNECTEDLINE(num), and for originate callerId', async () => {
    const kit = await startKit(connect, 'opencall');
    kits.push(kit);
    await replayTrace(kit, 'callerid-presentation');
    // The trace's INVITE From lines: "Anonymous" <sip:anonymous@…>, <sip:+15551112222@…>, "Opencall" <sip:+15551113333@…>.
    expect((await record(kit, 'cid1-1796163930757')).caller_id_offered).toEqual({ number: 'anonymous', name: 'Anonymous' });
    expect((await record(kit, 'cid2-1796163930757')).caller_id_offered).toEqual({ number: '+15551112222', name: '' });
    expect((await record(kit, 'cid3-1796163930757')).caller_id_offered).toEqual({ number: '+15551113333', name: 'Opencall' });
  });

  it.each(['dtmf-send-timing', 'dtmf-send-timing-hangup-100ms'])('%s: every digit heard, 200 ms apart, the channel ending after the last', async (name) => {
    const kit = await startKit(connect, 'opencall');
    kits.push(kit);
    const result = await replayTrace(kit, name, PLANS[name]);
    const channel = result.channels[0]!;
    const heard = (await record(kit, channel)).dtmf_heard;
    expect(heard.map((digit) => digit.digit).join('')).toBe(loadTraceHeader(name).far_end_received);
    const times = heard.map((digit) => Date.parse(digit.at));
    // duration 100 + between 100, as the trace's far end heard them.
    expect(times.slice(1).map((time, i) => time - times[i]!)).toEqual(Array(times.length - 1).fill(200));
    const destroyed = kit.log.events.find((event) => event.type === 'ChannelDestroyed' && event.channel?.id === channel)!;
    expect(Date.parse(String(destroyed.timestamp))).toBeGreaterThanOrEqual(times.at(-1)!);
  }, 30_000);
});
