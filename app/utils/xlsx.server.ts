import type ExcelJS from "exceljs";
import { neutraliseCell } from "~/models/export.server";

// A column is either a row key (also used as the header) or a key with a
// readable header, so the same rows can feed toCsv and toXlsx.
export type XlsxColumn = string | { key: string; header: string; width?: number };

// Excel caps sheet names at 31 characters and forbids a few characters.
function safeSheetName(name: string) {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, " ")
    .trim()
    .slice(0, 31);
  return cleaned || "Sheet1";
}

// Numbers, booleans and dates stay typed so the spreadsheet can sum and sort
// them; everything else becomes text run through neutraliseCell, because a
// string cell starting with "=" is harmless in XLSX only until someone copies
// it into another sheet or saves the workbook as CSV.
function cellValue(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return neutraliseCell(value.join("; "));
  return neutraliseCell(value);
}

export async function toXlsx(
  rows: Record<string, unknown>[],
  columns: XlsxColumn[],
  sheetName: string,
): Promise<Buffer> {
  // Loaded on first export, not at start: exceljs takes about 290 ms to load,
  // paid by every process start (and every integration test file) otherwise.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet(safeSheetName(sheetName));
  const defs = columns.map((c) => (typeof c === "string" ? { key: c, header: c } : c));
  sheet.columns = defs.map((c) => ({
    key: c.key,
    header: neutraliseCell(c.header),
    width: c.width ?? Math.min(60, Math.max(12, c.header.length + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const row of rows) sheet.addRow(defs.map((c) => cellValue(row[c.key])));
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
