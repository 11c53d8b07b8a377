// The `dti` command run in-process through runMain (so coverage sees src/cli), its output captured
// as the bin writes it: each write ends with one newline.
import { runMain } from "../src/cli/main.js";

/** Runs `dti …` in-process: exit code, stdout and stderr. */
export async function dti(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const line = (s: string) => (s.endsWith("\n") ? s : `${s}\n`);
  const code = await runMain(args, { out: (s) => (out += line(s)), err: (s) => (err += line(s)) });
  return { code, out, err };
}
