import { formatLogRecord } from './log-format';

describe('formatLogRecord', () => {
  const time = Date.UTC(2026, 11, 3, 6, 55, 12, 123);

  it('writes time, level, part, message and the other fields on one line', () => {
    const line = formatLogRecord({ level: 30, time, pid: 1, hostname: 'h', name: 'opencall', part: 'flows', msg: 'activeflow ended', callId: 'abc', steps: 3 });
    expect(line).toBe('06:55:12.123 INFO  [flows] activeflow ended  callId=abc steps=3\n');
  });

  it('leaves out what the message already says', () => {
    const line = formatLogRecord({ level: 30, time, msg: 'call abc progressing', callId: 'abc', status: 'progressing', direction: 'outgoing' });
    expect(line).toBe('06:55:12.123 INFO  call abc progressing  direction=outgoing\n');
  });

  it('quotes values with spaces and prints an error’s stack below the line', () => {
    const line = formatLogRecord({ level: 40, time, msg: 'webhook gave up', reason: 'answered 500', err: { message: 'boom', stack: 'Error: boom\n  at x' } });
    expect(line).toBe('06:55:12.123 WARN  webhook gave up  reason="answered 500"\n    Error: boom\n      at x\n');
  });

  it('colours the level only when asked (a terminal)', () => {
    expect(formatLogRecord({ level: 50, time, msg: 'x' }, true)).toContain('\u001b[31mERROR\u001b[0m');
  });
});
