/** One-sheet .xlsx exports, shared by the organization directory and the screening file. */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

export type ExportCell = string | number | null;

/**
 * Written row by row through ExcelJS's streaming writer, so 50,000 rows do not sit in memory as
 * cells. The header row is bold and frozen; `frozenColumns` keeps the first columns in view too.
 */
export async function writeExportSheet<T>(
  name: string,
  columns: readonly { header: string; width: number }[],
  items: readonly T[],
  cells: (item: T) => ExportCell[],
  frozenColumns = 0,
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
  const frozen = frozenColumns > 0 ? { ySplit: 1, xSplit: frozenColumns } : { ySplit: 1 };
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ...frozen }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const item of items) sheet.addRow(cells(item)).commit();
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
