// The printable unit reports (issue 12, item 6) printed to PDF by headless Chromium (Debian's
// /usr/bin/chromium, as test/report-browser.test.ts): each unit of a Vĩnh Phúc xã dataset
// (QĐ 2074/QĐ-UBND, Phụ lục 3: 8 main indicators, 46 scored leaves, 55 rows) is exactly two A4
// pages — its header and every indicator's score, then its gaps and the signature block — so N
// units print as 2N pages, and `--unit` as 2.
import { readFileSync } from "node:fs";
import type { BrowserContext } from "playwright-core";
import { chromiumSkipReason, launchChromium } from "./_chromium.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMain } from "../src/cli/main.js";
import { generateDataset, getCatalog, loadDataset, reportData, reportHtml } from "../src/index.js";

const skip = chromiumSkipReason("test/report-print.test.ts") !== undefined;

const catalog = getCatalog("vinh-phuc-2022/xa");
const SAMPLE = "fixtures/vinh-phuc-2022-xa.sample.yaml";
/** A4 minus the report's @page margins (12 mm top, 14 mm bottom), in CSS pixels: what one page holds. */
const PAGE_HEIGHT = ((297 - 26) * 96) / 25.4;
/** A4 minus the 12 mm side margins, in CSS pixels. */
const PAGE_WIDTH = Math.floor(((210 - 24) * 96) / 25.4);

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree). */
function pageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

describe.skipIf(skip)("printable unit reports in headless Chromium", () => {
  let context: BrowserContext;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ context, close } = await launchChromium("dti-print-"));
  }, 60_000);
  afterAll(async () => {
    await close?.();
  });

  /** Prints the HTML to an A4 PDF; returns its page count and the height of each page section as laid out for print. */
  async function print(html: string) {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.setViewportSize({ width: PAGE_WIDTH, height: 1000 });
    await page.emulateMedia({ media: "print" });
    await page.setContent(html, { waitUntil: "load" });
    const heights = await page.$$eval("section.page", (ss) => ss.map((s) => s.getBoundingClientRect().height));
    const text = await page.$$eval("section.page", (ss) => ss.map((s) => s.textContent ?? ""));
    const pdf = await page.pdf({ format: "A4" });
    await page.close();
    return { pages: pageCount(pdf), heights, text, requests: requests.filter((u) => !u.startsWith("about:") && !u.startsWith("data:")) };
  }

  it("12 generated communes: 24 pages, every page section within one A4 page", async () => {
    const dataset = generateDataset(catalog, { units: 12, seed: 7 });
    const data = reportData(catalog, dataset, "vi");
    expect(data.result.warnings).toEqual([]); // no leading warnings page
    const { pages, heights, text, requests } = await print(reportHtml(data, "vi", { perUnit: true }));
    expect(requests).toEqual([]);
    expect(heights).toHaveLength(24);
    // The design that makes the count exact: no section overflows its page.
    expect(Math.max(...heights)).toBeLessThan(PAGE_HEIGHT);
    expect(pages).toBe(24);
    // Page 1 of each unit: the document, the year, the unit, its total and rank among the 12.
    expect(text[0]).toContain("2074/QĐ-UBND (2022-11-09) · năm 2022 · Y");
    const first = data.units[0]!.unit;
    expect(text[0]).toContain(`${first.name} (${first.id})`);
    expect(text[0]).toContain("Hạng 1/12");
    // Page 2: gaps and the signature block.
    expect(text[1]).toContain("Điểm bị mất và cách cải thiện");
    expect(text[1]).toContain("Người lập");
    expect(text[1]).toContain("Thủ trưởng đơn vị");
  }, 120_000);

  it("the Vĩnh Phúc xã sample: 3 units, 6 pages; --unit xa-dao-tu (dti report) 2 pages of that unit only", async () => {
    const dataset = loadDataset(readFileSync(SAMPLE, "utf8"));
    const all = await print(reportHtml(reportData(catalog, dataset, "en"), "en", { perUnit: true }));
    expect(all.pages).toBe(6);
    expect(all.text[1]).toContain("Prepared by");
    expect(all.text[1]).toContain("Head of unit");
    let out = "";
    const code = await runMain(["report", SAMPLE, "--format", "html", "--unit", "xa-dao-tu"], { out: (s) => (out += s), err: () => {} });
    expect(code).toBe(0);
    const one = await print(out);
    expect(one.pages).toBe(2);
    expect(one.text).toHaveLength(2);
    // Xã Đạo Tú: total 610.1 (test/catalogs/vinh-phuc-2022-xa.test.ts), rank 2 of 3.
    expect(one.text[0]).toContain("Xã Đạo Tú (xa-dao-tu)");
    expect(one.text[0]).toContain("Tổng điểm: 610,1 / 1025 · Hạng 2/3");
    // 906 − 610.1: what it needs to pass the unit above; the other units have no pages.
    expect(one.text[1]).toContain("Cần thêm hơn 295,9 điểm để vượt Phường Liên Bảo (906).");
    expect(one.text.join("")).not.toContain("(phuong-lien-bao)");
    expect(one.text.join("")).not.toContain("(thi-tran-hop-hoa)");
  }, 120_000);

  it("Kon Tum communes (a level catalog): 6 units, 12 pages; the header gives the level and the registered one", async () => {
    const kt = getCatalog("kon-tum-2025/xa");
    const data = reportData(kt, loadDataset(readFileSync("fixtures/kon-tum-2025-xa.sample.yaml", "utf8")), "vi");
    const { pages, heights, text } = await print(reportHtml(data, "vi", { perUnit: true }));
    expect(Math.max(...heights)).toBeLessThan(PAGE_HEIGHT);
    expect(pages).toBe(12);
    expect(text[0]).toContain("121/QĐ-UBND (2025-03-10) · năm 2025");
    expect(text[0]).toContain("Mức đạt: 5 Toàn diện · Đăng ký 5 (Công nhận: Có) · Hạng 1/6");
  }, 120_000);
});
