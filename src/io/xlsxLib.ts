// exceljs, loaded only when a workbook is read or written: `import("exceljs")` at run time, so that
// the core bundle never carries it (test/treeshake.test.ts) and the CLI starts without it (tsup keeps
// it external to dist/cli.js). Only its types are imported statically.
import type * as ExcelJS from "exceljs";

/** The exceljs module (its CommonJS exports, whichever way the loader hands them out). */
export type ExcelJSModule = typeof ExcelJS;

let loaded: Promise<ExcelJSModule> | undefined;

/** Loads exceljs once. */
export function exceljs(): Promise<ExcelJSModule> {
  loaded ??= import("exceljs").then((m) => ((m as { default?: ExcelJSModule }).default ?? m) as ExcelJSModule);
  return loaded;
}

/** A workbook's bytes as exceljs takes them (a Node Buffer is a Uint8Array). */
export function asArrayBuffer(bytes: Uint8Array | ArrayBuffer): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Writes a workbook to bytes (exceljs gives a Buffer in Node, an ArrayBuffer in the browser). */
export async function workbookBytes(book: ExcelJS.Workbook): Promise<Uint8Array> {
  const out: unknown = await book.xlsx.writeBuffer();
  if (out instanceof Uint8Array) return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  return new Uint8Array(out as ArrayBuffer);
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A sheet name as Excel writes it in a reference: quoted when it is not a plain word (`'Hướng dẫn'`). */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
