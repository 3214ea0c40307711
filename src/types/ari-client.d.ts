/** The slice of ari-client (which ships no types) that this project uses. */
declare module 'ari-client' {
  import type { EventEmitter } from 'node:events';

  /** ari-client builds these from the server's swagger documents; they answer the JSON body. */
  export type AriOperation = (params?: Record<string, unknown>) => Promise<any>;
  export type AriResource = Record<string, AriOperation>;

  export interface AriClient extends EventEmitter {
    asterisk: AriResource;
    applications: AriResource;
    bridges: AriResource;
    channels: AriResource;
    playbacks: AriResource;
    recordings: AriResource;
    start(apps: string | string[], subscribeAll?: boolean): Promise<void>;
    stop(): void;
  }

  export function connect(url: string, user: string, pass: string): Promise<AriClient>;
}
