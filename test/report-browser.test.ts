// The HTML report renders in headless Chromium (Debian's /usr/bin/chromium): one self-contained
// page, no request leaves it, the ranking and the SVG bars are laid out.
import { readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { chromiumSkipReason, launchChromium } from "./_chromium.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalog, loadDataset, report } from "../src/index.js";

const skip = chromiumSkipReason("test/report-browser.test.ts") !== undefined;

describe.skipIf(skip)("HTML report in headless Chromium", () => {
  let context: BrowserContext;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ context, close } = await launchChromium("dti-report-"));
  }, 60_000);
  afterAll(async () => {
    await close?.();
  });

  async function open(html: string) {
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.setContent(html, { waitUntil: "load" });
    return { page, requests, errors };
  }

  it("Đồng Nai Sở sample: ranking, bars per main indicator, gaps and explanations", async () => {
    const html = report(getCatalog("dong-nai-2023/so"), loadDataset(readFileSync("fixtures/dong-nai-2023-so.sample.yaml", "utf8")), "html");
    const { page, requests, errors } = await open(html);
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith("about:") && !u.startsWith("data:"))).toEqual([]);
    const ranking = await page.$$eval("#ranking tr", (rows) =>
      rows.slice(1).map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent?.trim())),
    );
    expect(ranking).toEqual([
      ["1", "Sở Thông tin và Truyền thông", "925,75"],
      ["2", "Sở Tài chính", "578,5"],
      ["3", "Sở Văn hóa, Thể thao và Du lịch", "384"],
    ]);
    // 3 units × 10 main indicators, each bar laid out with a width proportional to score/max.
    const bars = await page.$$eval("section.unit svg g.bar", (gs) =>
      gs.map((g) => (g.querySelectorAll("rect")[1] as SVGRectElement).getBBox().width),
    );
    expect(bars).toHaveLength(30);
    expect(bars.every((w) => w >= 0)).toBe(true);
    expect(Math.max(...bars)).toBeGreaterThan(200);
    const target = await page.textContent("#u-so-tc .target");
    expect(target).toContain("Cần thêm hơn 347,25 điểm");
    const shot = join(tmpdir(), `dti-report-${process.pid}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    rmSync(shot, { force: true });
    await page.close();
  }, 60_000);

  it("Kon Tum communes: levels and what blocks the next one", async () => {
    const html = report(getCatalog("kon-tum-2025/xa"), loadDataset(readFileSync("fixtures/kon-tum-2025-xa.sample.yaml", "utf8")), "html");
    const { page, errors } = await open(html);
    expect(errors).toEqual([]);
    const rows = await page.$$eval("#ranking tr", (r) => r.length - 1);
    expect(rows).toBe(6);
    expect(await page.textContent("#u-xa-c")).toContain("cần 100%, đạt 72,5%");
    await page.close();
  }, 60_000);
});
