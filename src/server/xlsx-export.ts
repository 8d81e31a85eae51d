/** One-sheet .xlsx exports, shared by the organization directory and the screening file. */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

/** A plain value, or a text that links somewhere (a file, a page of the platform). */
export type ExportCell = string | number | null | { text: string; hyperlink: string };

export interface ExportOptions {
  /** Keeps the first columns in view as well as the header row. */
  frozenColumns?: number;
  /** An autofilter on the header row. */
  autoFilter?: boolean;
  /** A first sheet of label/value lines saying what the file holds (title, filter, time, who). */
  preface?: { name: string; lines: readonly (readonly [string, string])[] };
}

/**
 * Written row by row through ExcelJS's streaming writer, so 50,000 rows do not sit in memory as
 * cells. The header row is bold and frozen.
 */
export async function writeExportSheet<T>(
  name: string,
  columns: readonly { header: string; width: number }[],
  items: readonly T[],
  cells: (item: T) => ExportCell[],
  options: ExportOptions = {},
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  if (options.preface) writePreface(workbook, options.preface);
  const frozenColumns = options.frozenColumns ?? 0;
  const frozen = frozenColumns > 0 ? { ySplit: 1, xSplit: frozenColumns } : { ySplit: 1 };
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ...frozen }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  if (options.autoFilter && columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const item of items) {
    const row = sheet.addRow(cells(item));
    row.eachCell((cell) => {
      // Links look like links, so a reader knows the file name opens the file.
      if (cell.hyperlink) cell.font = { color: { argb: "FF0563C1" }, underline: true };
      if (cell.text.includes("\n")) cell.alignment = { wrapText: true, vertical: "top" };
    });
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

function writePreface(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  preface: NonNullable<ExportOptions["preface"]>,
) {
  const sheet = workbook.addWorksheet(preface.name);
  sheet.columns = [{ width: 14 }, { width: 80 }];
  for (const [label, value] of preface.lines) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
    row.commit();
  }
  sheet.commit();
}
