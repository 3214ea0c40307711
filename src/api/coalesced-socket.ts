import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

/** What may wait in a socket's buffers before a send waits for its frame to be written. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * Sends text frames on `ws`, whose underlying stream is `stream` (the one its upgrade handed
 * over), so that the frames of one event-loop turn reach the kernel in one write: the stream is
 * corked at the turn's first send and uncorked once the turn's I/O is done (ws's own cork/uncork
 * around a frame's header and body nest inside). Each frame otherwise costs a write of its own
 * (a syscall of 50-80 µs on a small VM), one per event of a busy subscription.
 *
 * The promise resolves at once while less than `maxBuffered` bytes wait in the socket, so a
 * caller that awaits each send (graphql-ws) can produce the next frame in the same turn; above
 * that it resolves once the frame is written, so a slow client still holds its producer back.
 * A frame for a socket that is no longer open is dropped, as graphql-ws's own adapter does; a
 * write that fails after the promise resolved reaches the caller as the socket's close (ws closes
 * a socket whose stream errs).
 */
export function coalescedSender(ws: WebSocket, stream: Duplex, maxBuffered = MAX_BUFFERED_BYTES): (data: string) => Promise<void> {
  let corked = false;
  const uncork = () => {
    corked = false;
    stream.uncork();
  };
  return (data) =>
    new Promise((resolve, reject) => {
      if (ws.readyState !== ws.OPEN) return resolve();
      if (!corked) {
        corked = true;
        stream.cork();
        setImmediate(uncork);
      }
      ws.send(data, (error) => (error ? reject(error) : resolve()));
      if (ws.bufferedAmount < maxBuffered) resolve();
    });
}
