/**
 * The sector chains of a compound file (the container of a binary .doc), checked before word-extractor follows them.
 * A chain that loops back on itself made it grow an array until V8 aborted the process ("Fatal JavaScript invalid
 * size error", 2.7 GB): one changed byte of a .doc's sector table was enough, and no try/catch stops an abort.
 * Layout: [MS-CFB] 2.2 (header), 2.3 (compound file sectors), 2.5 (DIFAT), 2.3 (FAT), 2.4 (mini FAT).
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Sector numbers above this are marks (free, end of chain, FAT or DIFAT sector), not the next sector. */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;

/**
 * Why the chains of `bytes` cannot be followed safely (a loop, a sector past the file's end), or undefined when
 * they can, or when the bytes are not a compound file at all (word-extractor says so itself).
 */
export function brokenChains(bytes: Uint8Array): string | undefined {
  if (bytes.length < 512 || SIGNATURE.some((b, k) => bytes[k] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (offset: number) => (offset + 4 <= bytes.length ? view.getUint32(offset, true) : END_OF_CHAIN);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return `sector size 2^${shift}`;
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const sectors = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const offsetOf = (sector: number) => (sector + 1) * sectorSize;

  // The FAT's own sectors: 109 in the header, then the DIFAT chain (each DIFAT sector ends with the next one's number).
  const fatCount = u32(0x2c);
  if (fatCount > sectors) return `${fatCount} FAT sectors in a file of ${sectors}`;
  const fatSectors: number[] = [];
  for (let k = 0; k < Math.min(109, fatCount); k++) fatSectors.push(u32(0x4c + 4 * k));
  const seenDifat = new Set<number>();
  for (let difat = u32(0x44); fatSectors.length < fatCount && difat < MAX_REGULAR_SECTOR; difat = u32(offsetOf(difat) + sectorSize - 4)) {
    if (difat >= sectors || seenDifat.has(difat)) return 'the DIFAT chain loops or leaves the file';
    seenDifat.add(difat);
    for (let k = 0; k < perSector - 1 && fatSectors.length < fatCount; k++) fatSectors.push(u32(offsetOf(difat) + 4 * k));
  }
  const fat: number[] = [];
  for (const sector of fatSectors) {
    if (sector >= sectors) return `FAT sector ${sector} past the end of the file`;
    for (let k = 0; k < perSector; k++) fat.push(u32(offsetOf(sector) + 4 * k));
  }
  const fatLoop = loopIn(fat);
  if (fatLoop !== undefined) return `the sector chain through sector ${fatLoop} loops`;

  // The mini FAT, whose chain the FAT gives: its entries chain the small streams' 64-byte sectors.
  const miniFat: number[] = [];
  let steps = 0;
  for (let sector = u32(0x3c); sector < MAX_REGULAR_SECTOR; sector = fat[sector]) {
    if (sector >= sectors || sector >= fat.length || ++steps > fat.length) return 'the mini FAT chain leaves the file';
    for (let k = 0; k < perSector; k++) miniFat.push(u32(offsetOf(sector) + 4 * k));
  }
  const miniLoop = loopIn(miniFat);
  return miniLoop === undefined ? undefined : `the mini sector chain through sector ${miniLoop} loops`;
}

/** A sector on a loop of `next` pointers (a FAT is a forest of chains; any cycle is damage), or undefined. */
function loopIn(next: readonly number[]): number | undefined {
  // 0: not seen; 1: on the walk under way; 2: known to end.
  const state = new Uint8Array(next.length);
  const walk: number[] = [];
  for (let start = 0; start < next.length; start++) {
    let at = start;
    while (at < next.length && state[at] === 0) {
      state[at] = 1;
      walk.push(at);
      const to = next[at];
      if (to >= MAX_REGULAR_SECTOR) break;
      at = to;
    }
    if (at < next.length && state[at] === 1 && next[walk[walk.length - 1]] === at) return at;
    for (const k of walk) state[k] = 2;
    walk.length = 0;
  }
  return undefined;
}
