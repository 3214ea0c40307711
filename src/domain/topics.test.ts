import { AppError } from './errors';
import { covers, parseTopic, topicOf } from './topics';

const A = '11111111-1111-4111-8111-111111111111';
const CALL = '22222222-2222-4222-8222-222222222222';
const OTHER_CALL = '33333333-3333-4333-8333-333333333333';
const topic = topicOf(A, 'call', CALL);

describe('WebSocket topics', () => {
  it.each([
    [`customer_id:${A}`, true],
    [`customer_id:${A}:*`, true],
    [`customer_id:${A}:call`, true],
    [`customer_id:${A}:call:*`, true],
    [`customer_id:${A}:call:${CALL}`, true],
    [`customer_id:${A}:call:${OTHER_CALL}`, false],
    [`customer_id:${A}:recording:*`, false],
  ])('%s covers a call event: %s', (pattern, expected) => {
    expect(covers(parseTopic(pattern), topic)).toBe(expected);
  });

  it('names the customer a topic belongs to', () => {
    expect(parseTopic(`customer_id:${A.toUpperCase()}:call:*`).customerId).toBe(A);
  });

  it('refuses a resource that has no events, naming it', () => {
    expect(() => parseTopic(`customer_id:${A}:cal`)).toThrow(/'cal' is not a resource with events/);
    expect(() => parseTopic(`customer_id:${A}:conference:*`)).toThrow(/'conference'/);
    expect(() => parseTopic(`customer_id:${A}:transfer:*`)).not.toThrow();
    expect(() => parseTopic(`customer_id:${A}:groupcall:*`)).not.toThrow();
  });

  it.each(['', 'call:*', `customer:${A}`, `customer_id:${A}:call:not-an-id`, 42, 'x'.repeat(300)])('refuses %p', (bad) => {
    expect(() => parseTopic(bad)).toThrow(AppError);
  });
});
