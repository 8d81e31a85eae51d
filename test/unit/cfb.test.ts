import { describe, expect, it } from "vitest";
import { cfbStreamNames } from "../../src/server/areas/files/cfb";
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
});
