import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * The local ports of the TCP connections that the processes `pids` hold to `remotePort` (Linux:
 * /proc). With them a test ends exactly its own processes' Redis clients or Postgres backends
 * (CLIENT KILL, pg_terminate_backend) on a server other tests share, and nobody else's.
 */
export function localPortsTo(pids: readonly number[], remotePort: number): number[] {
  const inodes = new Set<string>();
  for (const pid of pids) {
    for (const fd of safeList(`/proc/${pid}/fd`)) {
      const target = safeLink(`/proc/${pid}/fd/${fd}`);
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode) inodes.add(inode);
    }
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of safeRead(table).split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns.length < 10 || !inodes.has(columns[9]!)) continue;
      const [local, remote, state] = [columns[1]!, columns[2]!, columns[3]!];
      if (state !== '01') continue; // established only
      if (parseInt(remote.split(':')[1]!, 16) === remotePort) ports.push(parseInt(local.split(':')[1]!, 16));
    }
  }
  return ports;
}

const safeList = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return []; // the process has gone
  }
};
const safeLink = (file: string): string => {
  try {
    return readlinkSync(file);
  } catch {
    return '';
  }
};
const safeRead = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};
