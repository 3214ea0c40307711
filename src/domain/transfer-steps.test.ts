import { canMoveTransfer, type Transfer, type TransferStatus, type TransferType } from './transfer';
import { callerAudioOf, consultEndReason, effectsOfInput, effectsOfTransferEvent, transferStep, transfereesEndReason, type TransferInput } from './transfer-steps';

const transfer = (type: TransferType, status: TransferStatus): Transfer => ({
  id: 't',
  customerId: 'c',
  type,
  status,
  transfererCallId: 'a',
  callerCallId: 'b',
  consultCallId: 'd',
  consultCallIds: ['d'],
  destination: { type: 'tel', target: '+15550001111', targetName: '', name: '', detail: '' },
  destinations: [{ type: 'tel', target: '+15550001111', targetName: '', name: '', detail: '' }],
  ringMethod: 'ring_all',
  groupcallId: null,
  context: {},
  timeoutMs: 30000,
  fallback: null,
  idempotencyKey: null,
  reason: null,
  eventSeq: 1,
  tmCreate: new Date(0),
  tmUpdate: new Date(0),
  tmRinging: null,
  tmAnswer: null,
  tmEnd: null,
});

const ended: TransferInput = { kind: 'consult_ended', reason: 'busy' };

describe('transfer statuses', () => {
  it.each([
    ['dialing', 'ringing', true],
    ['ringing', 'consulting', true],
    ['dialing', 'completed', true],
    ['consulting', 'ringing', false],
    ['ringing', 'dialing', false],
    ['completed', 'failed', false],
    ['cancelled', 'completed', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMoveTransfer(from, to)).toBe(allowed);
  });
});

describe('transferStep', () => {
  it.each<[TransferType, TransferStatus, TransferInput, string, string | null]>([
    ['blind', 'dialing', { kind: 'consult_ringing' }, 'ringing', null],
    ['blind', 'ringing', { kind: 'consult_answered' }, 'completed', null],
    ['blind', 'ringing', ended, 'failed', 'busy'],
    ['blind', 'dialing', { kind: 'cancel' }, 'cancelled', 'cancelled'],
    ['blind', 'ringing', { kind: 'caller_hungup' }, 'cancelled', 'caller_hangup'],
    ['attended', 'ringing', { kind: 'consult_answered' }, 'consulting', null],
    ['attended', 'consulting', { kind: 'complete' }, 'completed', null],
    ['attended', 'consulting', { kind: 'transferer_hungup' }, 'completed', null],
    ['attended', 'consulting', { kind: 'cancel' }, 'cancelled', 'cancelled'],
    ['attended', 'consulting', { kind: 'consult_ended', reason: 'transferee_hangup' }, 'failed', 'transferee_hangup'],
  ])('%s %s + %j → %s', (type, status, input, next, reason) => {
    expect(transferStep(transfer(type, status), input)).toEqual({ status: next, type, reason });
  });

  it('ignores everything once final: one final event per transfer', () => {
    for (const status of ['completed', 'cancelled', 'failed'] as const) {
      for (const kind of ['complete', 'cancel', 'caller_hungup', 'transferer_hungup', 'consult_answered', 'consult_ringing'] as const) {
        expect(transferStep(transfer('attended', status), { kind } as TransferInput)).toBeNull();
      }
      expect(transferStep(transfer('blind', status), ended)).toBeNull();
    }
  });

  it('turns an attended transfer completed (or left by its transferer) before the answer into a blind one', () => {
    expect(transferStep(transfer('attended', 'ringing'), { kind: 'complete' })).toEqual({ status: 'ringing', type: 'blind', reason: null });
    expect(transferStep(transfer('attended', 'dialing'), { kind: 'transferer_hungup' })).toEqual({ status: 'dialing', type: 'blind', reason: null });
  });

  it('does not go back to ringing, answer twice, or complete a blind transfer by hand', () => {
    expect(transferStep(transfer('blind', 'ringing'), { kind: 'consult_ringing' })).toBeNull();
    expect(transferStep(transfer('attended', 'consulting'), { kind: 'consult_answered' })).toBeNull();
    expect(transferStep(transfer('blind', 'ringing'), { kind: 'complete' })).toBeNull();
  });
});

describe('effects', () => {
  it('blind: dial, then hang up the transferer; the answer bridges caller and transferee', () => {
    expect(effectsOfTransferEvent('transfer_created', { type: 'blind', reason: null })).toEqual(['dial_consult', 'hangup_transferer']);
    expect(effectsOfTransferEvent('transfer_completed', { type: 'blind', reason: null })).toEqual(['bridge_caller_consult', 'hangup_transferer']);
    expect(effectsOfTransferEvent('transfer_failed', { type: 'blind', reason: 'busy' })).toEqual(['hangup_consult', 'fallback_caller']);
    expect(effectsOfInput(transfer('blind', 'ringing'), { kind: 'transferer_hungup' })).toEqual(['settle_caller']);
  });

  it('attended: hold the caller, consult on answer, restore on cancel or failure', () => {
    expect(effectsOfTransferEvent('transfer_created', { type: 'attended', reason: null })).toEqual(['settle_caller', 'dial_consult']);
    expect(effectsOfTransferEvent('transfer_answered', { type: 'attended', reason: null })).toEqual(['bridge_transferer_consult']);
    expect(effectsOfTransferEvent('transfer_cancelled', { type: 'attended', reason: 'cancelled' })).toEqual(['hangup_consult', 'restore_caller']);
    expect(effectsOfTransferEvent('transfer_failed', { type: 'attended', reason: 'no_answer' })).toEqual(['hangup_consult', 'restore_caller']);
    expect(effectsOfInput(transfer('attended', 'consulting'), { kind: 'transferer_hungup' })).toEqual([]);
  });

  it('a caller that hung up only takes the consult call with it', () => {
    expect(effectsOfTransferEvent('transfer_cancelled', { type: 'attended', reason: 'caller_hangup' })).toEqual(['hangup_consult']);
  });

  it.each([
    [null, true, 'transferee_hangup'],
    ['busy', false, 'busy'],
    ['dialout', false, 'no_answer'],
    ['noanswer', false, 'no_answer'],
    ['failed', false, 'failed'],
  ])('a consult call ended with %s (answered %s) fails the transfer with %s', (hangup, answered, reason) => {
    expect(consultEndReason(hangup, answered)).toBe(reason);
  });
});

describe("the caller's audio", () => {
  it.each([
    ['attended', 'dialing', { held: true, ringing: false }],
    ['attended', 'consulting', { held: true, ringing: false }],
    ['blind', 'ringing', { held: false, ringing: true }],
    ['attended', 'completed', { held: false, ringing: false }],
    ['attended', 'cancelled', { held: false, ringing: false }],
    ['blind', 'failed', { held: false, ringing: false }],
  ] as const)('%s %s: %o', (type, status, audio) => {
    expect(callerAudioOf(transfer(type, status))).toEqual(audio);
  });
});

describe('several transferees', () => {
  it("the winning leg's answer names it the transferee's call, for either type", () => {
    expect(transferStep(transfer('blind', 'ringing'), { kind: 'consult_answered', callId: 'leg-2' })).toEqual({ status: 'completed', type: 'blind', reason: null, consultCallId: 'leg-2' });
    expect(transferStep(transfer('attended', 'dialing'), { kind: 'consult_answered', callId: 'leg-2' })).toEqual({ status: 'consulting', type: 'attended', reason: null, consultCallId: 'leg-2' });
    expect(transferStep(transfer('attended', 'consulting'), { kind: 'consult_answered', callId: 'leg-3' })).toBeNull();
  });

  it.each([
    [['busy', 'busy', 'busy'], 'busy'],
    [['failed', 'failed'], 'failed'],
    [['busy', 'no_answer'], 'no_answer'],
    [['busy', 'failed'], 'busy'],
    [['failed', 'no_answer', 'busy'], 'no_answer'],
    [['no_answer', 'no_answer'], 'no_answer'],
    [[], 'no_answer'],
  ])('legs ending %j fail the transfer with %s', (reasons, reason) => {
    expect(transfereesEndReason(reasons)).toBe(reason);
  });
});
