/**
 * The names of the streams in a Compound File (CFB, "OLE2"): the container of legacy Word and
 * Excel files, and also of installers (.msi) and Outlook messages. Which streams it holds is what
 * tells them apart; the file's name does not. Reads the header, the FAT entries of the directory
 * chain and the directory itself ([MS-CFB] 2.2–2.6), never a stream's content. Null for anything
 * malformed. The input is hostile (any applicant can upload one): every walk is bounded by the
 * file's size, and FAT entries are read one at a time, never built into a table.
 */
const SIGNATURE = Buffer.from("d0cf11e0a1b11ae1", "hex");
const END_OF_CHAIN = 0xfffffffe;
const HEADER_DIFAT_ENTRIES = 109;
const ENTRY_BYTES = 128;
const STREAM = 2;
/** Real documents have dozens of entries; a directory of thousands is not worth reading. */
const MAX_ENTRIES = 4096;

export function cfbStreamNames(bytes: Buffer): string[] | null {
  if (bytes.length < 512 || !bytes.subarray(0, 8).equals(SIGNATURE)) return null;
  const sectorShift = bytes.readUInt16LE(30);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  const perSector = sectorSize / 4;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize);
  const sector = (id: number) =>
    id < sectorCount ? bytes.subarray((id + 1) * sectorSize, (id + 2) * sectorSize) : null;

  // Where the FAT's sectors are: 109 in the header, the rest along the DIFAT chain. No file of
  // this size needs more FAT sectors than it has sectors; the walk stops there, or at a loop.
  const fatSectorCount = Math.min(bytes.readUInt32LE(44), Math.ceil(sectorCount / perSector));
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(HEADER_DIFAT_ENTRIES, fatSectorCount); i++) {
    fatSectors.push(bytes.readUInt32LE(76 + 4 * i));
  }
  const visited = new Set<number>();
  let difat = bytes.readUInt32LE(68);
  while (fatSectors.length < fatSectorCount && difat !== END_OF_CHAIN) {
    const s = sector(difat);
    if (!s || visited.has(difat)) return null;
    visited.add(difat);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatSectorCount; i++) {
      fatSectors.push(s.readUInt32LE(4 * i));
    }
    difat = s.readUInt32LE(sectorSize - 4);
  }
  const nextInChain = (id: number): number | null => {
    const fatSector = fatSectors[Math.floor(id / perSector)];
    const s = fatSector === undefined ? null : sector(fatSector);
    return s ? s.readUInt32LE(4 * (id % perSector)) : null;
  };

  const names: string[] = [];
  let next = bytes.readUInt32LE(48);
  for (let hops = 0; next !== END_OF_CHAIN; hops++) {
    const s = sector(next);
    if (!s || hops >= sectorCount || names.length > MAX_ENTRIES) return null; // outside, a loop, a flood
    for (let offset = 0; offset < sectorSize; offset += ENTRY_BYTES) {
      const nameBytes = s.readUInt16LE(offset + 64);
      if (s[offset + 66] === STREAM && nameBytes >= 2 && nameBytes <= 64) {
        names.push(s.toString("utf16le", offset, offset + nameBytes - 2));
      }
    }
    const following = nextInChain(next);
    if (following === null) return null;
    next = following;
  }
  return names;
}
