/**
 * The names of the streams in a Compound File (CFB, "OLE2"): the container of legacy Word and
 * Excel files, and also of installers (.msi) and Outlook messages. Which streams it holds is what
 * tells them apart; the file's name does not. Reads the header, the FAT and the directory chain
 * only ([MS-CFB] 2.2–2.6), never a stream's content. Null for anything malformed.
 */
const SIGNATURE = Buffer.from("d0cf11e0a1b11ae1", "hex");
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const ENTRY_BYTES = 128;
const STREAM = 2;

export function cfbStreamNames(bytes: Buffer): string[] | null {
  if (bytes.length < 512 || !bytes.subarray(0, 8).equals(SIGNATURE)) return null;
  const sectorShift = bytes.readUInt16LE(30);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize);
  const sector = (id: number) =>
    id < sectorCount ? bytes.subarray((id + 1) * sectorSize, (id + 2) * sectorSize) : null;

  // The FAT's own sectors: 109 listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) fatSectors.push(bytes.readUInt32LE(76 + 4 * i));
  let difat = bytes.readUInt32LE(68);
  for (let hops = 0; difat !== END_OF_CHAIN && difat !== FREE; hops++) {
    const s = sector(difat);
    if (!s || hops > sectorCount) return null;
    for (let i = 0; i < sectorSize / 4 - 1; i++) fatSectors.push(s.readUInt32LE(4 * i));
    difat = s.readUInt32LE(sectorSize - 4);
  }
  const fat: number[] = [];
  for (const id of fatSectors) {
    if (id === FREE || id === END_OF_CHAIN) continue;
    const s = sector(id);
    if (!s) return null;
    for (let i = 0; i < sectorSize / 4; i++) fat.push(s.readUInt32LE(4 * i));
  }

  const names: string[] = [];
  let next = bytes.readUInt32LE(48);
  for (let hops = 0; next !== END_OF_CHAIN; hops++) {
    const s = sector(next);
    if (!s || hops > sectorCount) return null; // out of the file, or a cycle
    for (let offset = 0; offset < sectorSize; offset += ENTRY_BYTES) {
      const nameBytes = s.readUInt16LE(offset + 64);
      if (s[offset + 66] === STREAM && nameBytes >= 2 && nameBytes <= 64) {
        names.push(s.toString("utf16le", offset, offset + nameBytes - 2));
      }
    }
    next = fat[next] ?? END_OF_CHAIN;
  }
  return names;
}
