/** The Ogg container (RFC 3533): packets into pages with lacing, granule positions and CRCs. */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let bit = 0; bit < 8; bit++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

function oggCrc(data: Buffer): number {
  let crc = 0;
  for (const byte of data) crc = ((crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ byte) & 0xff] as number)) >>> 0;
  return crc;
}

export interface OggPage {
  packets: Buffer[];
  granule: bigint;
  bos?: boolean;
  eos?: boolean;
}

/** One page; its packets must fit 255 lacing values (the writer keeps pages small). */
function pageBytes(page: OggPage, serial: number, sequence: number): Buffer {
  const lacing: number[] = [];
  for (const packet of page.packets) {
    for (let left = packet.length; ; left -= 255) {
      lacing.push(Math.min(left, 255));
      if (left < 255) break;
    }
  }
  if (lacing.length > 255) throw new Error('too many packets for one Ogg page');
  const header = Buffer.alloc(27 + lacing.length);
  header.write('OggS', 0, 'ascii');
  header.writeUInt8(0, 4);
  header.writeUInt8((page.bos ? 0x02 : 0) | (page.eos ? 0x04 : 0), 5);
  header.writeBigInt64LE(page.granule, 6);
  header.writeUInt32LE(serial, 14);
  header.writeUInt32LE(sequence, 18);
  header.writeUInt8(lacing.length, 26);
  Buffer.from(lacing).copy(header, 27);
  const bytes = Buffer.concat([header, ...page.packets]);
  bytes.writeUInt32LE(oggCrc(bytes), 22);
  return bytes;
}

export function writeOggStream(pages: OggPage[], serial: number): Buffer {
  return Buffer.concat(pages.map((page, index) => pageBytes(page, serial, index)));
}
