import { closeSync, openSync, readSync } from "node:fs";
import { DatasetError, createIssue } from "../errors.js";

/**
 * The lines of a UTF-8 text file, read 1 MiB at a time (a JSON Lines dataset of 100,000 units is
 * never held whole). The problems of `readTextFile` are told the same way: a missing file, a
 * directory, a refused read, bytes that are not UTF-8 (with the line of the first one).
 */
export function* fileLines(path: string): Generator<string> {
  const fail = (code: "fileNotFound" | "notAFile" | "unreadableFile" | "notUtf8", params: { received?: string; detail?: string }) =>
    new DatasetError([createIssue("dataset", code, { file: path }, params)]);
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    const { code, message } = e as { code?: string; message?: string };
    if (code === "ENOENT" || code === "ENOTDIR") throw fail("fileNotFound", { received: path });
    if (code === "EISDIR") throw fail("notAFile", { received: path });
    throw fail("unreadableFile", { received: path, detail: (message ?? String(code)).replace(/, open '.*'$/, "") });
  }
  try {
    const buffer = new Uint8Array(1 << 20);
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let rest = "";
    let line = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, buffer.length, null);
      } catch (e) {
        const { code, message } = e as { code?: string; message?: string };
        if (code === "EISDIR") throw fail("notAFile", { received: path });
        throw fail("unreadableFile", { received: path, detail: message ?? String(code) });
      }
      let text: string;
      try {
        text = rest + decoder.decode(buffer.subarray(0, n), { stream: n > 0 });
      } catch {
        throw fail("notUtf8", { detail: String(line + 1) });
      }
      const lines = text.split("\n");
      rest = n > 0 ? lines.pop()! : "";
      for (const l of lines) {
        line++;
        yield l.endsWith("\r") ? l.slice(0, -1) : l;
      }
      if (n === 0) break;
    }
  } finally {
    closeSync(fd);
  }
}
