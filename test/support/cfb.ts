/**
 * A minimal Compound File (CFB) for tests: a header, one FAT sector, and as many directory
 * sectors as the entries need (chained in the FAT), with empty streams of the given names. Enough
 * for what reads only the directory, as the upload check does; not a document Word would open.
 */
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const FREE = 0xffffffff;

export function compoundFile(streamNames: string[], sectorShift: 9 | 12 = 9): Buffer {
  const sectorSize = 1 << sectorShift;
  const perSector = sectorSize / 128;
  const entries = streamNames.length + 1; // the root entry first
  const dirSectors = Math.ceil(entries / perSector);
  const header = Buffer.alloc(sectorSize);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(sectorShift === 9 ? 3 : 4, 26); // major version
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(sectorShift, 30);
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // the directory starts at sector 1 (the FAT is sector 0)
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END_OF_CHAIN, 60); // no mini FAT
  header.writeUInt32LE(END_OF_CHAIN, 68); // no DIFAT sectors
  header.fill(0xff, 76, 76 + 109 * 4);
  header.writeUInt32LE(0, 76); // the FAT is sector 0

  const fat = Buffer.alloc(sectorSize, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  for (let i = 0; i < dirSectors; i++)
    fat.writeUInt32LE(i === dirSectors - 1 ? END_OF_CHAIN : i + 2, 4 * (i + 1));

  const directory = Buffer.alloc(dirSectors * sectorSize);
  const entry = (index: number, name: string, type: number) => {
    const at = index * 128;
    directory.write(name, at, "utf16le");
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory[at + 66] = type;
    directory.writeUInt32LE(FREE, at + 68); // left sibling
    directory.writeUInt32LE(index + 1 < entries ? index + 1 : FREE, at + 72); // right sibling
    directory.writeUInt32LE(type === 5 && entries > 1 ? 1 : FREE, at + 76); // child
    directory.writeUInt32LE(END_OF_CHAIN, at + 116); // starting sector: empty
  };
  entry(0, "Root Entry", 5);
  streamNames.forEach((name, i) => {
    entry(i + 1, name, 2);
  });
  return Buffer.concat([header, fat, directory]);
}
