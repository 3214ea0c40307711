import { attemptOutcome, parseWebhookEvents, parseWebhookStatus, takesEvent } from './webhook';

const policy = { maxRetries: 3, backoffMs: 100 };

describe('attemptOutcome', () => {
  it('delivers on 2xx', () => {
    expect(attemptOutcome({ httpCode: 200 }, 1, policy)).toEqual({ status: 'delivered' });
    expect(attemptOutcome({ httpCode: 204 }, 4, policy)).toEqual({ status: 'delivered' });
  });

  it('does not retry a 4xx or a redirect', () => {
    expect(attemptOutcome({ httpCode: 400 }, 1, policy)).toMatchObject({ status: 'failed' });
    expect(attemptOutcome({ httpCode: 404 }, 1, policy)).toMatchObject({ status: 'failed' });
    expect(attemptOutcome({ httpCode: 302 }, 1, policy)).toMatchObject({ status: 'failed' });
  });

  it('does not retry a refused target', () => {
    expect(attemptOutcome({ refused: 'internal address' }, 1, policy)).toEqual({ status: 'failed', reason: 'internal address' });
  });

  it('retries 5xx and network errors with doubling delays, three times', () => {
    expect(attemptOutcome({ httpCode: 500 }, 1, policy)).toMatchObject({ status: 'pending', retryInMs: 100 });
    expect(attemptOutcome({ error: 'timeout' }, 2, policy)).toMatchObject({ status: 'pending', retryInMs: 200 });
    expect(attemptOutcome({ httpCode: 503 }, 3, policy)).toMatchObject({ status: 'pending', retryInMs: 400 });
    expect(attemptOutcome({ httpCode: 503 }, 4, policy)).toMatchObject({ status: 'failed', reason: expect.stringContaining('4 attempts') });
  });
});

describe('parseWebhookEvents', () => {
  it('takes known names, dropping duplicates; * or nothing means all', () => {
    expect(parseWebhookEvents(['call_hungup', 'call_created', 'call_hungup'])).toEqual(['call_hungup', 'call_created']);
    expect(parseWebhookEvents(['*'])).toEqual([]);
    expect(parseWebhookEvents([])).toEqual([]);
    expect(parseWebhookEvents(undefined)).toEqual([]);
  });

  it('names the entry at fault', () => {
    expect(() => parseWebhookEvents(['call_hungup', 'call_hangedup'])).toThrow(/events\[1\]: unknown event type 'call_hangedup'/);
    expect(() => parseWebhookEvents([42])).toThrow(/events\[0\]/);
    expect(() => parseWebhookEvents('call_hungup')).toThrow(/events: must be a list/);
  });

  it('matches events', () => {
    expect(takesEvent([], 'call_created')).toBe(true);
    expect(takesEvent(['call_hungup'], 'call_created')).toBe(false);
    expect(takesEvent(['call_hungup'], 'call_hungup')).toBe(true);
  });

  it("takes VoIPBIN's names for the same changes, and only those events", () => {
    expect(parseWebhookEvents(['call_hangup', 'call_progressing', 'call_terminating', 'call_canceling'])).toHaveLength(4);
    expect(takesEvent(['call_hangup'], 'call_hungup')).toBe(true);
    expect(takesEvent(['call_progressing'], 'call_answered')).toBe(true);
    expect(takesEvent(['call_terminating'], 'call_updated', 'terminating')).toBe(true);
    expect(takesEvent(['call_terminating'], 'call_updated', 'progressing')).toBe(false);
    expect(takesEvent(['call_canceling'], 'call_updated', 'terminating')).toBe(false);
  });

  it('refuses names the product never emits, naming them', () => {
    expect(() => parseWebhookEvents(['call_created', 'conference_created'])).toThrow(/events\[1\]: unknown event type 'conference_created'/);
    expect(parseWebhookEvents(['groupcall_created', 'groupcall_hangup'])).toEqual(['groupcall_created', 'groupcall_hangup']);
    expect(parseWebhookEvents(['transfer_completed'])).toEqual(['transfer_completed']);
  });

  it('parses statuses', () => {
    expect(parseWebhookStatus('disabled')).toBe('disabled');
    expect(() => parseWebhookStatus('paused')).toThrow(/status: must be one of active, disabled/);
  });
});
