import { describe, expect, it } from "vitest";
import { cfbStreamNames } from "../../src/server/areas/platform/files/cfb";
import { compoundFile } from "../support/cfb";

describe("cfbStreamNames", () => {
  it("lists the streams of a compound file with 512-byte sectors", () => {
    expect(cfbStreamNames(compoundFile(["WordDocument", "1Table"]))).toEqual(["WordDocument", "1Table"]);
  });

  it("follows the directory over several sectors through the FAT, and reads 4096-byte sectors", () => {
    const many = Array.from({ length: 10 }, (_, i) => `Stream${i}`);
    expect(cfbStreamNames(compoundFile([...many, "Workbook"]))).toEqual([...many, "Workbook"]);
    expect(cfbStreamNames(compoundFile(["Workbook"], 12))).toEqual(["Workbook"]);
  });

  it("answers null for what is not a well-formed compound file", () => {
    expect(cfbStreamNames(Buffer.from("%PDF-1.4"))).toBeNull();
    const badShift = compoundFile(["WordDocument"]);
    badShift.writeUInt16LE(7, 30);
    expect(cfbStreamNames(badShift)).toBeNull();
    // The directory points outside the file.
    const outside = compoundFile(["WordDocument"]);
    outside.writeUInt32LE(999, 48);
    expect(cfbStreamNames(outside)).toBeNull();
    // The directory chain loops on itself: the walk stops instead of running forever.
    const cycle = compoundFile(Array.from({ length: 8 }, (_, i) => `S${i}`));
    cycle.writeUInt32LE(1, 512 + 4 * 2); // sector 2's next is sector 1 again
    expect(cfbStreamNames(cycle)).toBeNull();
  });

  it("reads a hostile file of 20 MB without building its FAT: a DIFAT chain through every sector", () => {
    // Every sector is a DIFAT sector naming sector 0 as a FAT sector, 127 times over: a reader
    // that collected them all would build a FAT of hundreds of millions of entries and abort.
    const sectors = (20 * 1024 * 1024) / 512 - 1;
    const bomb = Buffer.alloc(512 * (sectors + 1));
    Buffer.from("d0cf11e0a1b11ae1", "hex").copy(bomb, 0);
    bomb.writeUInt16LE(9, 30);
    bomb.writeUInt32LE(0xffffffff, 44); // "4 billion FAT sectors"
    bomb.writeUInt32LE(0, 48); // the directory at sector 0 too
    bomb.writeUInt32LE(0, 68); // the DIFAT chain starts at sector 0
    for (let i = 0; i < sectors; i++) {
      bomb.writeUInt32LE(i + 1 < sectors ? i + 1 : 0xfffffffe, 512 * (i + 1) + 508);
    }
    const before = process.memoryUsage().heapUsed;
    expect(cfbStreamNames(bomb)).toBeNull();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });
});
