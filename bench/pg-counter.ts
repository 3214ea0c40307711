import { createServer as createHttpServer } from 'node:http';
import { createServer, connect, type Socket } from 'node:net';

/**
 * A counting TCP proxy in front of Postgres, run as a process of its own by calls.bench.ts (so
 * its work is not the load generator's): one listening port per product process, each forwarding
 * to the real server and counting the statements that process sends — a simple-protocol Query
 * ('Q') or an extended-protocol Execute ('E') each count one. pg_stat_statements would say the
 * same but needs the server restarted with it preloaded, which a shared server may not allow.
 *
 * Env: PG_COUNTER_TARGET (host:port), PG_COUNTER_PORTS (name=port,…), PG_COUNTER_HTTP (port;
 * GET / answers {name: statements}). Prints "ready" once listening.
 */
const [targetHost, targetPort] = (process.env.PG_COUNTER_TARGET ?? '127.0.0.1:5432').split(':') as [string, string];
const listeners = (process.env.PG_COUNTER_PORTS ?? '').split(',').filter(Boolean).map((entry) => entry.split('=') as [string, string]);
const counts: Record<string, number> = {};
/** Every frontend message by type, for finding where round trips come from (BENCH_PG_MESSAGES=1). */
const messages: Record<string, Record<string, number>> = {};

/** Counts typed frontend messages in a stream that begins with the untyped startup message. */
function frontendCounter(name: string) {
  let startup = true;
  let pending: Buffer = Buffer.alloc(0);
  return (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let offset = 0;
    for (;;) {
      if (startup) {
        if (pending.length - offset < 8) break;
        const length = pending.readInt32BE(offset);
        const code = pending.readInt32BE(offset + 4);
        if (pending.length - offset < length) break;
        offset += length;
        // An SSLRequest / GSSENCRequest is followed by another untyped startup message.
        if (code !== 80877103 && code !== 80877104) {
          startup = false;
          const byType = (messages[name] ??= {});
          byType.connections = (byType.connections ?? 0) + 1;
        }
        continue;
      }
      if (pending.length - offset < 5) break;
      const type = pending[offset]!;
      const length = pending.readInt32BE(offset + 1);
      if (pending.length - offset < length + 1) break;
      if (type === 0x51 /* Q */ || type === 0x45 /* E */) counts[name] = (counts[name] ?? 0) + 1;
      if (process.env.BENCH_PG_MESSAGES && (type === 0x50 || type === 0x51)) {
        const body = pending.subarray(offset + 5, offset + 1 + length).toString('utf8');
        const text = (type === 0x50 ? body.slice(body.indexOf('\0') + 1) : body).replace(/\s+/g, ' ').trim().slice(0, 90);
        const byText = (messages[`${name} sql`] ??= {});
        byText[text] = (byText[text] ?? 0) + 1;
      }
      const byType = (messages[name] ??= {});
      const letter = String.fromCharCode(type);
      byType[letter] = (byType[letter] ?? 0) + 1;
      offset += length + 1;
    }
    pending = offset === pending.length ? Buffer.alloc(0) : pending.subarray(offset);
  };
}

for (const [name, port] of listeners) {
  counts[name] = 0;
  createServer((client: Socket) => {
    const server = connect(Number(targetPort), targetHost);
    // Without these, Nagle's algorithm holds a small write (a statement, its reply) back until the
    // previous one is acknowledged, adding tens of ms to every round trip the proxy relays: pg
    // and Postgres themselves set TCP_NODELAY, so the proxy must too or it measures itself.
    client.setNoDelay(true);
    server.setNoDelay(true);
    const count = frontendCounter(name);
    client.on('data', (chunk: Buffer) => {
      count(chunk);
      server.write(chunk);
    });
    server.pipe(client);
    const close = () => {
      client.destroy();
      server.destroy();
    };
    client.on('error', close).on('close', close);
    server.on('error', close).on('close', close);
  }).listen(Number(port), '127.0.0.1');
}

createHttpServer((_request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(process.env.BENCH_PG_MESSAGES ? { ...counts, messages } : counts));
}).listen(Number(process.env.PG_COUNTER_HTTP), '127.0.0.1', () => console.log('ready'));
