import { AppError } from '../domain/errors';
import { knownError } from './known-error';

const adapterError = (cause: Record<string, unknown>, code = 'P2010') => Object.assign(new Error('x'), { code, meta: { driverAdapterError: { cause } } });

describe('knownError', () => {
  it('passes the product’s own errors through', () => {
    const error = new AppError('CALL_NOT_FOUND', 'The call was not found.');
    expect(knownError(error)).toBe(error);
  });

  it.each([
    ['a model create', Object.assign(new Error('x'), { code: 'P2002', meta: { driverAdapterError: { cause: { constraint: { index: 'users_username_key' } } } } }), 'username'],
    ['a raw query', adapterError({ kind: 'UniqueConstraintViolation', originalCode: '23505', constraint: { index: 'numbers_number_live_key' } }), 'number'],
    ['the pg pool', Object.assign(new Error('x'), { code: '23505', constraint: 'users_username_key' }), 'username'],
  ])('answers a unique violation from %s as ALREADY_EXISTS naming the field', (_from, error, field) => {
    expect(knownError(error)).toMatchObject({ code: 'ALREADY_EXISTS', field });
  });

  it.each([
    ['Postgres out of reach', adapterError({ kind: 'DatabaseNotReachable' })],
    ['a refused connection', Object.assign(new Error('x'), { code: 'ECONNREFUSED' })],
    ['an administrator shutdown', Object.assign(new Error('x'), { code: '57P01' })],
    ['a wrapped cause', Object.assign(new Error('x'), { cause: Object.assign(new Error('y'), { code: 'ECONNRESET' }) })],
  ])('answers %s as SERVICE_UNAVAILABLE', (_what, error) => {
    expect(knownError(error)?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('honours an error’s own 4xx status (a malformed percent-escape, a body that is not gzip)', () => {
    expect(knownError(Object.assign(new URIError('URI malformed'), { status: 400 }))).toMatchObject({ code: 'MALFORMED_REQUEST', field: 'path' });
    expect(knownError(Object.assign(new Error('incorrect header check'), { status: 400, code: 'Z_DATA_ERROR' }))).toMatchObject({ code: 'MALFORMED_REQUEST', field: 'body' });
    expect(knownError(Object.assign(new Error('x'), { statusCode: 413 }))?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('leaves defects unknown, so they are logged and masked', () => {
    expect(knownError(new Error('connect ECONNREFUSED 10.0.0.7:5432'))).toBeNull();
    expect(knownError(Object.assign(new Error('x'), { status: 500 }))).toBeNull();
    expect(knownError('a string')).toBeNull();
  });
});
