/**
 * Reading an uploaded workbook into plain rows keyed by column, before any rule is applied:
 * which sheet, which header is which column, what a cell holds once Excel's formats are undone.
 */
import ExcelJS from "exceljs";
import { AppError, fieldError } from "../../../errors";
import { type ColumnKey, DATA_SHEET, IMPORT_COLUMNS } from "./spreadsheet";

/** One import is one transaction; more than this belongs in several files. */
const IMPORT_MAX_ROWS = 5000;

export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** The spreadsheet's own row number (1-based, header is row 1), as the user sees it. */
  row: number;
  cells: Partial<Record<ColumnKey, CellValue>>;
}

export async function readImportSheet(buffer: Buffer): Promise<SheetRow[]> {
  // An .xlsx is a zip archive; anything else (a renamed .xls, .csv, picture) stops here.
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw fileInvalid();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw fileInvalid();
  }
  const sheet = workbook.getWorksheet(DATA_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw fileInvalid();

  const columnOf = new Map<ColumnKey, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const header = textOf(plain(cell.value)).replace(/[*\s]/g, "");
    const column = IMPORT_COLUMNS.find((c) => c.header === header);
    if (column && !columnOf.has(column.key)) columnOf.set(column.key, col);
  });
  for (const column of IMPORT_COLUMNS) {
    if (column.required && !columnOf.has(column.key)) {
      throw fieldError("file", "import_column_missing", { column: column.header });
    }
  }

  const rows: SheetRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: SheetRow["cells"] = {};
    let empty = true;
    for (const [key, col] of columnOf) {
      const value = plain(row.getCell(col).value);
      if (value !== null && textOf(value) !== "") empty = false;
      cells[key] = value;
    }
    if (!empty) rows.push({ row: rowNumber, cells });
  });
  if (rows.length === 0) throw fieldError("file", "import_empty");
  if (rows.length > IMPORT_MAX_ROWS)
    throw fieldError("file", "import_too_many_rows", { max: IMPORT_MAX_ROWS });
  return rows;
}

/** The value behind rich text, formulas and hyperlinks. */
function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return plain(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    return null;
  }
  return value;
}

/** A cell as text: numbers whole (phones, codes), dates as YYYY-MM-DD, trimmed. */
export function textOf(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  return String(value).trim();
}

/** Excel keeps dates as UTC midnight of the calendar day; take that day. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function fileInvalid(): AppError {
  return new AppError("file_invalid", { field: "file" });
}
