// Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core
// (never a downloaded build), launched the same way by every test that needs it.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** Debian's Chromium (`apt-get install -y --no-install-recommends chromium`). */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * Why a browser test is skipped here, or undefined: outside CI a machine without Chromium skips;
 * in CI (CI set) a missing browser fails the test instead.
 * @param file The test file, named in the warning.
 */
export function chromiumSkipReason(file: string): string | undefined {
  if (existsSync(CHROMIUM) || process.env["CI"]) return undefined;
  const reason = `skipped: ${CHROMIUM} not found (install it: apt-get install -y --no-install-recommends chromium); CI runs this test`;
  console.warn(`${file} ${reason}`);
  return reason;
}

/** A headless Chromium with a throw-away profile; `close()` ends it and removes the profile. */
export async function launchChromium(prefix: string): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
