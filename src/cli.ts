#!/usr/bin/env node
import { runMain } from "./cli/main.js";

// A reader that stops early (`dti score … | head -1`) closes the pipe: the rest of the output has
// nowhere to go, which is not an error of the run. End quietly (exit 0) instead of Node's
// unhandled 'error' event and its stack trace. Any other failure to write is an internal error
// (exit 1), told in one line where that is still possible.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    if (stream === process.stdout) process.stderr.write(`internal error: ${e.message}\n`);
    process.exit(1);
  });
}

void runMain(process.argv.slice(2), {
  out: (s) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith("\n") ? s : `${s}\n`),
}).then((code) => {
  process.exitCode = code;
});
