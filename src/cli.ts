#!/usr/bin/env node
import { runMain } from "./cli/main.js";

process.exitCode = runMain(process.argv.slice(2), {
  out: (s) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith("\n") ? s : `${s}\n`),
});
