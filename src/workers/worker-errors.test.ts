import { EventEmitter } from 'node:events';
import { captureLogs, WARN } from '../../test/support/log-capture';
import { logWorkerErrors } from './worker-errors';

/** Which of a BullMQ worker's errors reach the log as errors. */
function emitting(error: Error) {
  const logs = captureLogs();
  const worker = new EventEmitter();
  logWorkerErrors(worker, logs.logger, 'lane worker');
  worker.emit('error', error);
  return logs.records;
}

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

it('logs a lost Redis connection at debug: the outage log says it once', () => {
  const [record] = emitting(withCode('connect ECONNREFUSED 127.0.0.1:6379', 'ECONNREFUSED'));
  expect(record).toMatchObject({ level: 20, msg: 'lane worker: Redis connection error' });
});

it.each(['Missing key for job lane_a_b_retry_c_1. moveToFinished', 'Missing lock for job 42. moveToFinished'])(
  'logs a job run again after its lock lapsed at info, not as an error: %s',
  (message) => {
    const [record] = emitting(Object.assign(new Error(message), { code: -1 }));
    expect(record!.level).toBeLessThan(WARN);
    expect(record!.msg).toBe('lane worker: a job was run again after its lock lapsed');
  },
);

it('logs any other error as an error', () => {
  const [record] = emitting(new Error('ERR unknown command'));
  expect(record).toMatchObject({ level: 50, msg: 'lane worker error' });
});
