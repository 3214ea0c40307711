/**
 * The media servers of a deployment, from `ARI_URL`: a comma-separated list of entries
 * `[name=]http(s)://[user:password@]host:port`. An entry without credentials takes the shared
 * ARI_USERNAME / ARI_PASSWORD; an entry without a name is named by its host:port. The name is what
 * a call remembers (calls.media_server), so it must stay the same while calls are live on it.
 */
export interface MediaServerSettings {
  name: string;
  /** The ARI base URL, without credentials. */
  url: string;
  username: string;
  password: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

/** Parses the list; throws an Error saying which entry is wrong. An empty list: no media server (the simulator). */
export function parseMediaServers(list: string | undefined, defaults: { username: string; password: string }): MediaServerSettings[] {
  const entries = (list ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const servers = entries.map((entry, index) => parseEntry(entry, index, defaults));
  const names = new Set<string>();
  for (const server of servers) {
    if (names.has(server.name)) throw new Error(`ARI_URL names the media server "${server.name}" twice`);
    names.add(server.name);
  }
  return servers;
}

function parseEntry(entry: string, index: number, defaults: { username: string; password: string }): MediaServerSettings {
  const equals = entry.indexOf('=');
  const schemeAt = entry.indexOf('://');
  const named = equals > 0 && (schemeAt < 0 || equals < schemeAt);
  const name = named ? entry.slice(0, equals).trim() : undefined;
  const raw = named ? entry.slice(equals + 1).trim() : entry;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ARI_URL entry ${index + 1} is not a URL: ${raw.replace(/\/\/[^@/]*@/, '//***@')}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`ARI_URL entry ${index + 1} must be http(s), not ${url.protocol}`);
  if (name !== undefined && !NAME.test(name)) throw new Error(`ARI_URL entry ${index + 1}: "${name}" is not a media server name (letters, digits, _ . : -)`);
  const username = url.username ? decodeURIComponent(url.username) : defaults.username;
  const password = url.username ? decodeURIComponent(url.password) : defaults.password;
  url.username = '';
  url.password = '';
  const base = url.toString().replace(/\/+$/, '');
  return { name: name ?? url.host, url: base, username, password };
}

/**
 * Where a new call goes: the media server with the fewest live calls (ties: the first listed).
 * `live` counts live calls per name; a name missing from it has none.
 */
export function leastLoaded(names: readonly string[], live: ReadonlyMap<string, number>): string {
  let best = names[0];
  if (best === undefined) throw new Error('no media server to place a call on');
  for (const name of names) if ((live.get(name) ?? 0) < (live.get(best) ?? 0)) best = name;
  return best;
}
