// The browser bundle (dist/browser.js, built by `npm test`) run as a web page runs it: served over
// http on 127.0.0.1, imported as an ES module in headless Chromium (Debian's /usr/bin/chromium).
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { builtinModules } from "node:module";
import type { BrowserContext, Page } from "playwright-core";
import { chromiumSkipReason, launchChromium } from "./_chromium.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bundlePath = "dist/browser.js";
const datasetPath = "fixtures/dong-nai-2023-so.sample.yaml";
const skipReason = chromiumSkipReason("test/browser.test.ts");

describe("dist/browser.js", () => {
  it("imports or requires no Node built-in", () => {
    const code = readFileSync(bundlePath, "utf8");
    const names = builtinModules.flatMap((m) => [m, `node:${m}`]).map((m) => m.replace(/[/\\^$*+?.()|[\]{}]/g, "\\$&"));
    const re = new RegExp(`(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*|\\brequire\\s*\\(\\s*)["'](?:${names.join("|")})["']`, "g");
    expect(code.match(re) ?? []).toEqual([]);
    expect(code).not.toMatch(/\brequire\s*\(/);
  });
});

describe.skipIf(skipReason !== undefined)("dist/browser.js in headless Chromium", () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let close: (() => Promise<void>) | undefined;
  let page: Page;
  const foreign: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const files: Record<string, { type: string; body: string }> = {
      "/": {
        type: "text/html; charset=utf-8",
        body: "<!doctype html><html><head><meta charset=utf-8><title>dti</title></head><body></body></html>",
      },
      "/browser.js": { type: "text/javascript; charset=utf-8", body: readFileSync(bundlePath, "utf8") },
      "/data.yaml": { type: "text/plain; charset=utf-8", body: readFileSync(datasetPath, "utf8") },
    };
    server = createServer((req, res) => {
      const f = files[new URL(req.url ?? "/", "http://x").pathname];
      if (!f) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": f.type, "cache-control": "no-store" }).end(f.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    ({ context, close } = await launchChromium("dti-chromium-"));
    page = context.pages()[0] ?? (await context.newPage());
    page.on("request", (r) => {
      if (!r.url().startsWith(origin)) foreign.push(r.url());
    });
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`${origin}/`);
  }, 60_000);

  afterAll(async () => {
    await close?.();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it("scores the Đồng Nai Sở sample: so-tttt first with 925.75", async () => {
    // A string, so the page runs exactly this code (no test-runner transforms).
    const result = (await page.evaluate(`(async () => {
      const dti = await import("/browser.js");
      const text = await (await fetch("/data.yaml")).text();
      const r = dti.score(dti.getCatalog("dong-nai-2023/so"), dti.loadDataset(text));
      return { top: r.units[0].id, total: r.units[0].total, units: r.units.length, hasProcess: typeof process !== "undefined" };
    })()`)) as { top: string; total: string; units: number; hasProcess: boolean };
    expect(result).toEqual({ top: "so-tttt", total: "925.75", units: 3, hasProcess: false });
  });

  it("lists the 10 built-in catalogs", async () => {
    const ids = (await page.evaluate(`import("/browser.js").then((dti) => dti.listCatalogs().map((c) => c.id))`)) as string[];
    expect(ids).toHaveLength(10);
    expect(ids).toContain("dong-nai-2023/so");
  });

  it("made no request outside the local server and threw no page error", () => {
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
