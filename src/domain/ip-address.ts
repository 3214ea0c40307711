/**
 * Which addresses a webhook may reach: public unicast only. Private, loopback, link-local,
 * shared (CGNAT), multicast, reserved and unspecified ranges are internal to someone and are
 * refused, so a customer cannot aim the product at services behind its network.
 */
const V4_BLOCKED: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
];

/** An IPv4 address as a 32-bit number, or null when the text is not a dotted quad. */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

/** An IPv6 address as its eight 16-bit groups, or null (an embedded IPv4 tail is accepted). */
export function parseIpv6(text: string): number[] | null {
  let rest = text.toLowerCase().replace(/%.*$/, ''); // a zone id names an interface, not an address
  const groups: number[] = [];
  const v4Tail = /:(\d+\.\d+\.\d+\.\d+)$/.exec(rest);
  let tail: number[] = [];
  if (v4Tail) {
    const v4 = parseIpv4(v4Tail[1] as string);
    if (v4 === null) return null;
    tail = [Math.floor(v4 / 65536), v4 % 65536];
    rest = `${rest.slice(0, v4Tail.index)}:${'0'}`; // placeholder group, replaced below
  }
  const halves = rest.split('::');
  if (halves.length > 2) return null;
  const parse = (half: string) => (half === '' ? [] : half.split(':'));
  const head = parse(halves[0] as string);
  const back = halves.length === 2 ? parse(halves[1] as string) : [];
  for (const group of [...head, ...back]) if (!/^[0-9a-f]{1,4}$/.test(group)) return null;
  const want = 8 - (tail.length ? 1 : 0); // the placeholder stands for the two tail groups
  const missing = want - head.length - back.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  groups.push(...head.map((g) => parseInt(g, 16)), ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...back.map((g) => parseInt(g, 16)));
  if (tail.length) groups.splice(groups.length - 1, 1, ...tail);
  return groups.length === 8 ? groups : null;
}

function v4Blocked(value: number): boolean {
  if (value === 0xffffffff) return true;
  return V4_BLOCKED.some(([base, bits]) => {
    const size = 2 ** (32 - bits);
    return Math.floor(value / size) === Math.floor((parseIpv4(base) as number) / size);
  });
}

function v6Blocked(groups: number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const v4 = g6 * 65536 + g7;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0) {
    if (g5 === 0xffff || (g5 === 0 && g6 !== 0)) return v4Blocked(v4); // IPv4-mapped / -compatible
    if (g5 === 0 && g6 === 0 && (g7 === 0 || g7 === 1)) return true; // :: and ::1
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return v4Blocked(v4); // NAT64
  if ((g0 & 0xfe00) === 0xfc00) return true; // unique local
  if ((g0 & 0xffc0) === 0xfe80) return true; // link-local
  if ((g0 & 0xffc0) === 0xfec0) return true; // site-local (deprecated, still internal)
  if ((g0 & 0xff00) === 0xff00) return true; // multicast
  if (g0 === 0x2001 && g1 === 0x0db8) return true; // documentation
  return false;
}

/** True for an address a webhook may be sent to; false for internal ones and for non-addresses. */
export function isPublicAddress(address: string): boolean {
  const v4 = parseIpv4(address);
  if (v4 !== null) return !v4Blocked(v4);
  const v6 = parseIpv6(address);
  if (v6 !== null) return !v6Blocked(v6);
  return false;
}
