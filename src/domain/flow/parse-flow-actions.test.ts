import { AppError } from '../errors';
import { UNSUPPORTED_ACTION_TYPES } from './action-types';
import { parseFlowAction, parseFlowActions, withActionIds } from './parse-flow-actions';

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};

/** The error a parse throws: its code, field and message. */
function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but the parse succeeded');
}

const one = (type: string, option?: unknown) => parseFlowAction({ id: 'a', type, option }, 'actions[0]');

describe('parseFlowAction: options, typed and defaulted', () => {
  it.each([
    ['answer', undefined, {}],
    ['talk', { text: 'Hello' }, { text: 'Hello', language: 'en-US', digitsHandle: null }],
    ['talk', { text: 'Hi', language: 'ko-KR', digits_handle: 'next', provider: 'gcp' }, { text: 'Hi', language: 'ko-KR', digitsHandle: 'next' }],
    ['play', { stream_urls: ['https://x.test/a.wav', 'http://x.test/b.mp3'] }, { streamUrls: ['https://x.test/a.wav', 'http://x.test/b.mp3'] }],
    ['hangup', undefined, { reason: null }],
    ['hangup', { reason: 'busy', reference_id: 'x' }, { reason: 'busy' }],
    ['sleep', { duration: 1500 }, { durationMs: 1500 }],
    ['digits_receive', { duration: 5000, length: 1 }, { durationMs: 5000, length: 1, key: '' }],
    ['digits_receive', { duration: 5000 }, { durationMs: 5000, length: 100, key: '' }],
    ['digits_receive', { duration: 5000, length: 4, key: '#*' }, { durationMs: 5000, length: 4, key: '#*' }],
    ['digits_receive', { duration: 10000, length: 4, terminator: '#' }, { durationMs: 10000, length: 4, key: '#' }],
    ['digits_send', { digits: '1234#' }, { digits: '1234#', durationMs: 250, intervalMs: 100 }],
    ['dtmf_send', { dtmfs: '1234567890', duration: 500, interval: 500 }, { digits: '1234567890', durationMs: 500, intervalMs: 500 }],
    ['digits_send', { digits: 'ABCD*#09', duration: 100, interval: 0 }, { digits: 'ABCD*#09', durationMs: 100, intervalMs: 0 }],
    ['digits_send', { digits: '1'.repeat(100), duration: 1000, interval: 5000 }, { digits: '1'.repeat(100), durationMs: 1000, intervalMs: 5000 }],
    ['branch', {}, { variable: 'voipbin.call.digits', targetIds: {}, defaultTargetId: null }],
    ['branch', { variable: 'my.var', target_ids: { '1': 'b' }, default_target_id: 'c' }, { variable: 'my.var', targetIds: { '1': 'b' }, defaultTargetId: 'c' }],
    ['goto', { target_id: 'a', loop_count: 2 }, { targetId: 'a', loopCount: 2 }],
    ['goto', { target_id: 'a' }, { targetId: 'a', loopCount: 0 }],
    ['variable_set', { key: 'customer.tier', value: 'gold' }, { key: 'customer.tier', value: 'gold' }],
    ['variable_set', { key: 'x' }, { key: 'x', value: '' }],
    ['recording_start', undefined, { format: 'mp3', direction: 'both', channels: 'mixed', endOfSilence: 0, endOfKey: '', duration: 0 }],
    [
      'record_start',
      { format: 'wav', direction: 'in', channels: 'stereo', end_of_silence: 3, end_of_key: '#', duration: 600 },
      { format: 'wav', direction: 'in', channels: 'stereo', endOfSilence: 3, endOfKey: '#', duration: 600 },
    ],
    ['record_stop', undefined, {}],
  ])('%s %j', (type, option, expected) => {
    expect(one(type, option).option).toEqual(expected);
  });

  it('parses connect addresses with the address rules', () => {
    const action = one('connect', { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'sip', target: 'bob@example.com', target_name: 'Bob' }], early_media: true });
    expect(action.option).toEqual({
      source: { type: 'tel', target: '+15551234567', targetName: '', name: '', detail: '' },
      destinations: [{ type: 'sip', target: 'bob@example.com', targetName: 'Bob', name: '', detail: '' }],
      ringMethod: 'ring_all',
      earlyMedia: true,
      relayReason: false,
    });
    expect(one('connect', { destinations: [{ type: 'tel', target: '+15551234567' }] }).option).toMatchObject({ source: null });
    expect(one('connect', { destinations: [{ type: 'tel', target: '+15551234567' }], ring_method: 'linear' }).option).toMatchObject({ ringMethod: 'linear' });
    expect(() => one('connect', { destinations: [{ type: 'tel', target: '+15551234567' }], ring_method: 'round_robin' })).toThrow(/ring_method/);
  });

  it.each([
    ['dtmf_send', 'digits_send'],
    ['record_start', 'recording_start'],
    ['record_stop', 'recording_stop'],
    ['talk', 'talk'],
  ])('maps the type %s to %s', (given, canonical) => {
    expect(one(given, given === 'talk' ? { text: 'x' } : given === 'dtmf_send' ? { digits: '1' } : undefined).type).toBe(canonical);
  });
});

describe('parseFlowAction: refusals name the action and the field', () => {
  it.each([
    [{ type: 'nope' }, 'actions[0].type', /not an action type/],
    [{ type: '' }, 'actions[0].type', /required/],
    [{ type: 7 }, 'actions[0].type', /required/],
    [{ type: 'talk', option: [] }, 'actions[0].option', /object/],
    [{ type: 'talk', option: 'x' }, 'actions[0].option', /object/],
    [{ type: 'talk', option: {} }, 'actions[0].option.text', /required/],
    [{ type: 'talk', option: { text: '' } }, 'actions[0].option.text', /empty/],
    [{ type: 'talk', option: { text: 5 } }, 'actions[0].option.text', /string/],
    [{ type: 'talk', option: { text: 'x'.repeat(10_001) } }, 'actions[0].option.text', /at most/],
    [{ type: 'talk', option: { text: 'a\u0000b' } }, 'actions[0].option', /NUL/],
    [{ type: 'talk', option: { text: 'x', language: 'english please' } }, 'actions[0].option.language', /language tag/],
    [{ type: 'talk', option: { text: 'x', digits_handle: 'skip' } }, 'actions[0].option.digits_handle', /one of/],
    [{ type: 'play', option: {} }, 'actions[0].option.stream_urls', /required/],
    [{ type: 'play', option: { stream_urls: [] } }, 'actions[0].option.stream_urls', /non-empty/],
    [{ type: 'play', option: { stream_urls: 'https://x.test/a.wav' } }, 'actions[0].option.stream_urls', /list/],
    [{ type: 'play', option: { stream_urls: ['https://x.test/a', 'ftp://x.test/b'] } }, 'actions[0].option.stream_urls[1]', /http\(s\) URL/],
    [{ type: 'play', option: { stream_urls: ['not a url'] } }, 'actions[0].option.stream_urls[0]', /URL/],
    [{ type: 'play', option: { stream_urls: [3] } }, 'actions[0].option.stream_urls[0]', /string/],
    [{ type: 'hangup', option: { reason: 'because' } }, 'actions[0].option.reason', /one of normal, failed/],
    [{ type: 'sleep', option: {} }, 'actions[0].option.duration', /required/],
    [{ type: 'sleep', option: { duration: 0 } }, 'actions[0].option.duration', /between 1 and/],
    [{ type: 'sleep', option: { duration: '500' } }, 'actions[0].option.duration', /integer/],
    [{ type: 'digits_receive', option: { length: 1 } }, 'actions[0].option.duration', /required/],
    [{ type: 'digits_receive', option: { duration: 1.5 } }, 'actions[0].option.duration', /integer/],
    [{ type: 'digits_receive', option: { duration: 5000, length: 0 } }, 'actions[0].option.length', /between 1 and 100/],
    [{ type: 'digits_receive', option: { duration: 5000, length: 101 } }, 'actions[0].option.length', /between 1 and 100/],
    [{ type: 'digits_receive', option: { duration: 5000, key: 'x' } }, 'actions[0].option.key', /0-9, A-D/],
    [{ type: 'digits_receive', option: { duration: 5000, terminator: 'E' } }, 'actions[0].option.terminator', /0-9, A-D/],
    [{ type: 'digits_send', option: {} }, 'actions[0].option.digits', /required/],
    [{ type: 'digits_send', option: { digits: '12a' } }, 'actions[0].option.digits', /0-9, A-D/],
    [{ type: 'dtmf_send', option: { dtmfs: '1E' } }, 'actions[0].option.dtmfs', /0-9, A-D/],
    [{ type: 'digits_send', option: { digits: '1'.repeat(101) } }, 'actions[0].option.digits', /at most 100/],
    [{ type: 'digits_send', option: { digits: '1', duration: 99 } }, 'actions[0].option.duration', /between 100 and 1000 ms/],
    [{ type: 'digits_send', option: { digits: '1', duration: 1001 } }, 'actions[0].option.duration', /between 100 and 1000 ms/],
    [{ type: 'digits_send', option: { digits: '1', interval: -1 } }, 'actions[0].option.interval', /between 0 and 5000 ms/],
    [{ type: 'digits_send', option: { digits: '1', interval: 5001 } }, 'actions[0].option.interval', /between 0 and 5000 ms/],
    [{ type: 'branch', option: { variable: 'has space' } }, 'actions[0].option.variable', /variable name/],
    [{ type: 'branch', option: { target_ids: ['a'] } }, 'actions[0].option.target_ids', /object/],
    [{ type: 'branch', option: { target_ids: { '1': 7 } } }, 'actions[0].option.target_ids.1', /string/],
    [{ type: 'branch', option: { default_target_id: 3 } }, 'actions[0].option.default_target_id', /string/],
    [{ type: 'goto', option: {} }, 'actions[0].option.target_id', /required/],
    [{ type: 'goto', option: { target_id: 'a', loop_count: -1 } }, 'actions[0].option.loop_count', /between 0 and/],
    [{ type: 'goto', option: { target_id: 'a', loop_count: '2' } }, 'actions[0].option.loop_count', /integer/],
    [{ type: 'connect', option: {} }, 'actions[0].option.destinations', /at least one/],
    [{ type: 'connect', option: { destinations: [] } }, 'actions[0].option.destinations', /at least one/],
    [{ type: 'connect', option: { destinations: [{ type: 'tel', target: '555' }] } }, 'actions[0].option.destinations[0].target', /E.164/],
    [{ type: 'connect', option: { destinations: [{ type: 'fax', target: '+15551234567' }] } }, 'actions[0].option.destinations[0].type', /one of/],
    [{ type: 'connect', option: { destinations: ['+15551234567'] } }, 'actions[0].option.destinations[0]', /address/],
    [{ type: 'connect', option: { source: { type: 'tel', target: 'x' }, destinations: [{ type: 'tel', target: '+15551234567' }] } }, 'actions[0].option.source.target', /E.164/],
    [{ type: 'connect', option: { destinations: [{ type: 'tel', target: '+15551234567' }], early_media: 'yes' } }, 'actions[0].option.early_media', /true or false/],
    [{ type: 'variable_set', option: { value: 'x' } }, 'actions[0].option.key', /required/],
    [{ type: 'variable_set', option: { key: 'a b' } }, 'actions[0].option.key', /variable name/],
    [{ type: 'variable_set', option: { key: 'a', value: 3 } }, 'actions[0].option.value', /string/],
    [{ type: 'recording_start', option: { format: 'flac' } }, 'actions[0].option.format', /wav, mp3, ogg/],
    [{ type: 'recording_start', option: { direction: 'up' } }, 'actions[0].option.direction', /in, out, both/],
    [{ type: 'record_start', option: { channels: 'quad' } }, 'actions[0].option.channels', /mixed, stereo/],
    [{ type: 'recording_start', option: { end_of_silence: -1 } }, 'actions[0].option.end_of_silence', /between 0 and 3600/],
    [{ type: 'recording_start', option: { end_of_key: 'z' } }, 'actions[0].option.end_of_key', /0-9, A-D/],
    [{ type: 'recording_start', option: { duration: 86_401 } }, 'actions[0].option.duration', /between 0 and 86400/],
    [{ id: 5, type: 'answer' }, 'actions[0].id', /string/],
    [{ id: 'x'.repeat(256), type: 'answer' }, 'actions[0].id', /at most 255/],
  ])('%j → %s', (action, field, message) => {
    const error = errorOf(() => parseFlowAction({ id: 'a', ...action }, 'actions[0]'));
    expect(['VALIDATION_FAILED', 'INVALID_ADDRESS']).toContain(error.code);
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
    expect(error.message).toMatch(message);
  });

  it.each([null, 'talk', 3, []])('refuses a non-object action %j', (raw) => {
    expect(errorOf(() => parseFlowAction(raw, 'actions[4]')).field).toBe('actions[4]');
  });

  it('refuses an action without id when no id generator is given (run time needs stored ids)', () => {
    expect(errorOf(() => parseFlowAction({ type: 'answer' }, 'actions[0]')).field).toBe('actions[0].id');
  });
});

describe('${variable} placeholders', () => {
  const withTemplates = { allowTemplates: true };
  it.each([
    ['digits_send', { digits: '${account.pin}' }, 'digits'],
    ['play', { stream_urls: ['${prompt.url}'] }, 'streamUrls'],
    ['talk', { text: 'x', language: '${lang}' }, 'language'],
  ])('defers the pattern check of %s %j to run time', (type, option, key) => {
    const action = parseFlowAction({ id: 'a', type, option }, 'actions[0]', withTemplates);
    expect(JSON.stringify(action.option)).toContain('${');
    expect(Object.keys(action.option)).toContain(key);
    // At run time (after substitution) the same text is checked strictly.
    expect(errorOf(() => parseFlowAction({ id: 'a', type, option }, 'actions[0]')).code).toBe('VALIDATION_FAILED');
  });

  it('defers an address target, still checking the address type', () => {
    const option = { destinations: [{ type: 'tel', target: '${voipbin.call.source.target}' }] };
    const action = parseFlowAction({ id: 'a', type: 'connect', option }, 'actions[0]', withTemplates);
    expect(action.option).toMatchObject({ destinations: [{ type: 'tel', target: '${voipbin.call.source.target}' }] });
    expect(errorOf(() => parseFlowAction({ id: 'a', type: 'connect', option }, 'actions[0]')).field).toBe('actions[0].option.destinations[0].target');
    const badType = { destinations: [{ type: 'fax', target: '${x}' }] };
    expect(errorOf(() => parseFlowAction({ id: 'a', type: 'connect', option: badType }, 'actions[0]', withTemplates)).field).toBe('actions[0].option.destinations[0].type');
  });

  it.each([
    ['sleep', { duration: '${wait}' }, 'actions[0].option.duration'],
    ['hangup', { reason: '${why}' }, 'actions[0].option.reason'],
    ['connect', { destinations: [{ type: 'tel', target: '+15551234567' }], early_media: '${x}' }, 'actions[0].option.early_media'],
  ])('keeps numbers, enums and booleans literal: %s %j', (type, option, field) => {
    expect(errorOf(() => parseFlowAction({ id: 'a', type, option }, 'actions[0]', withTemplates)).field).toBe(field);
  });

  it('keeps free text as written (substitution happens at run time)', () => {
    expect(one('talk', { text: 'Hello ${voipbin.call.source.target}' }).option).toMatchObject({ text: 'Hello ${voipbin.call.source.target}' });
  });
});

describe('parseFlowActions: a whole flow', () => {
  it('fills missing ids from the generator and keeps given ones', () => {
    const actions = parseFlowActions([{ type: 'answer' }, { id: 'mine', type: 'hangup' }, { id: '', type: 'answer' }], 'actions', { newId: counter() });
    expect(actions.map((a) => a.id)).toEqual(['id-1', 'mine', 'id-2']);
  });

  it('stores the client form with the ids filled in', () => {
    const raw = [{ type: 'dtmf_send', option: { dtmfs: '12' }, note: 'dropped' }, { id: 'x', type: 'hangup', option: null }];
    const actions = parseFlowActions(raw, 'actions', { newId: counter() });
    expect(withActionIds(raw, actions)).toEqual([
      { id: 'id-1', type: 'dtmf_send', option: { dtmfs: '12' } },
      { id: 'x', type: 'hangup' },
    ]);
  });

  it('accepts the spec branch example with its loop', () => {
    const raw = [
      { id: 'b8781e56-c524-11ec-889f-d37b0dbb7eb8', type: 'talk', option: { text: 'Press 1', language: 'en-US' } },
      { type: 'digits_receive', option: { duration: 5000, length: 1 } },
      { type: 'branch', option: { default_target_id: 'ed9705ca', target_ids: { '1': 'c3eb8e62' } } },
      { id: 'c3eb8e62', type: 'talk', option: { text: 'one' } },
      { type: 'hangup' },
      { id: 'ed9705ca', type: 'talk', option: { text: 'default' } },
      { type: 'goto', option: { target_id: 'b8781e56-c524-11ec-889f-d37b0dbb7eb8', loop_count: 2 } },
      { type: 'hangup' },
    ];
    const actions = parseFlowActions(raw, 'actions', { newId: counter() });
    expect(actions.map((a) => a.type)).toEqual(['talk', 'digits_receive', 'branch', 'talk', 'hangup', 'talk', 'goto', 'hangup']);
  });

  it.each([
    [[{ type: 'answer' }, { type: 'branch', option: { target_ids: { '1': 'nowhere' } } }], 'actions[1].option.target_ids.1'],
    [[{ type: 'branch', option: { default_target_id: 'nowhere' } }], 'actions[0].option.default_target_id'],
    [[{ id: 'a', type: 'answer' }, { type: 'goto', option: { target_id: 'b', loop_count: 1 } }], 'actions[1].option.target_id'],
  ])('refuses a target that names no action of this flow: %j', (raw, field) => {
    const error = errorOf(() => parseFlowActions(raw, 'actions', { newId: counter() }));
    expect(error.field).toBe(field);
    expect(error.message).toBe(`${field}: names no action of this flow`);
  });

  it('refuses duplicate ids', () => {
    const error = errorOf(() => parseFlowActions([{ id: 'a', type: 'answer' }, { id: 'a', type: 'hangup' }], 'actions'));
    expect(error.field).toBe('actions[1].id');
    expect(error.message).toMatch(/actions\[0\]/);
  });

  it('accepts the recording actions, under their canonical names and aliases', () => {
    const actions = parseFlowActions(
      [{ type: 'answer' }, { type: 'record_start', option: { format: 'wav' } }, { type: 'recording_stop' }, { type: 'recording_start' }, { type: 'record_stop' }],
      'actions',
      { newId: counter() },
    );
    expect(actions.map((action) => action.type)).toEqual(['answer', 'recording_start', 'recording_stop', 'recording_start', 'recording_stop']);
    expect(actions[1]!.option).toEqual(expect.objectContaining({ format: 'wav' }));
    expect(UNSUPPORTED_ACTION_TYPES.has('recording_start') || UNSUPPORTED_ACTION_TYPES.has('recording_stop')).toBe(false);
  });

  it('names the field it was given', () => {
    expect(errorOf(() => parseFlowActions([{ type: 'x' }], 'flow.actions', { newId: counter() })).field).toBe('flow.actions[0].type');
  });

  it.each([null, 'x', {}, 3])('refuses a non-list %j', (raw) => {
    expect(errorOf(() => parseFlowActions(raw)).field).toBe('actions');
  });

  it('refuses more than 1000 actions', () => {
    expect(errorOf(() => parseFlowActions(Array.from({ length: 1001 }, () => ({ type: 'answer' })), 'actions', { newId: counter() })).message).toMatch(/at most 1000/);
  });

  it('accepts an empty flow', () => {
    expect(parseFlowActions([])).toEqual([]);
  });

  it('allows placeholders by default at definition time', () => {
    expect(parseFlowActions([{ id: 'a', type: 'digits_send', option: { digits: '${pin}' } }])[0]?.option).toMatchObject({ digits: '${pin}' });
  });
});
