// Issue 12, item 8: what an assessor reads. Labels shortened at word boundaries with "…"; the
// catalog's labels, never its option or item keys, in every sentence; `score --full` with the
// table refused with a coded usage error; `dti sample` writes the bundled sample datasets.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { explain, gaps, getCatalog, loadDataset, reportData, reportMarkdown, score, type Dataset } from "../src/index.js";
import { shorten } from "../src/_format.js";
import { dti } from "./_cli.js";

const fixture = (name: string): Dataset => loadDataset(readFileSync(`fixtures/${name}.sample.yaml`, "utf8"));

describe("shorten: at a word boundary, with “…”", () => {
  // Kon Tum xã 1.7's name, cut at 72 characters before (issue 12: "… thực hiện nhiệm").
  const kt17 = "Có bố trí người làm công tác chuyên trách hoặc đầu mối thực hiện nhiệm vụ chuyển đổi số";
  it("Kon Tum xã 1.7: cut after a whole word, “…” appended, at most 72 characters", async () => {
    const s = shorten(kt17, 72);
    expect(s).toBe("Có bố trí người làm công tác chuyên trách hoặc đầu mối thực hiện nhiệm…");
    expect([...s].length).toBeLessThanOrEqual(72);
  });
  it("Kon Tum xã 1.8: trailing punctuation dropped before “…” (no “LAN,…”)", async () => {
    const name = "Tỷ lệ công chức cấp xã được trang bị máy tính, có kết nối mạng LAN, được kết nối Internet";
    expect(shorten(name, 72)).toBe("Tỷ lệ công chức cấp xã được trang bị máy tính, có kết nối mạng LAN…");
  });
  it("a label that fits is unchanged; a word longer than half the width is cut, never between a letter and its mark", async () => {
    expect(shorten("Nhận thức số", 72)).toBe("Nhận thức số");
    expect(shorten("Nhận thức số", 12)).toBe("Nhận thức số");
    expect(shorten("Nhận thức số", 11)).toBe("Nhận thức…");
    // Decomposed (NFD) "ệ": e + U+0302 + U+0323: the hard cut backs off to the letter.
    const nfd = "Hệthốngthôngtin".normalize("NFD");
    const cut = shorten(nfd, 3);
    expect(cut.endsWith("…")).toBe(true);
    expect(/\p{M}…$/u.test(cut)).toBe(false);
  });
  it("the Kon Tum xã table: every blocker line keeps whole words (xa-b 1.7, xa-c 1.8-like names)", async () => {
    const r = await dti("score", "fixtures/kon-tum-2025-xa.sample.yaml");
    expect(r.code).toBe(0);
    expect(r.out).toContain("  1.7 (mức 5) Có bố trí người làm công tác chuyên trách hoặc đầu mối thực hiện nhiệm…: cần tối thiểu 2, có 1");
    expect(r.out).toContain("  1.8 (mức 5) Tỷ lệ công chức cấp xã được trang bị máy tính, có kết nối mạng LAN…: cần 90%, đạt 85%");
    // No name cut inside a word: the character before ": cần" / ": thiếu" is "…" or the name's end.
    for (const l of r.out.split("\n").filter((x) => /^ {2}\d+(\.\d+)* \(mức \d\) /.test(x))) {
      const name = l.replace(/^ {2}\S+ \(mức \d\) /, "").split(": ")[0]!;
      expect([...name].length).toBeLessThanOrEqual(72);
    }
  });
});

describe("labels, never keys, in sentences", () => {
  it("Vĩnh Phúc xã 6.7 (choice) in gaps: the options' labels, not under3 → over6", async () => {
    const g = gaps(getCatalog("vinh-phuc-2022/xa"), fixture("vinh-phuc-2022-xa"), "thi-tran-hop-hoa", { verify: 0 });
    const s = g.suggestions.find((x) => x.code === "6.7")!;
    expect(s.description).toContain(
      "“Có sử dụng nền tảng họp trực tuyến, dưới 3 cuộc họp trực tuyến trong năm” → “Có sử dụng nền tảng họp trực tuyến, trên 06 cuộc họp trực tuyến trong năm”",
    );
    expect(s.description).not.toMatch(/under3|over6/);
    // The change itself keeps the key: it is what --set and the data take.
    expect(s.changes.map((c) => c.value)).toEqual(["over6"]);
  });
  it("Vĩnh Phúc xã 1.6 (choice) in gaps: “Tần suất phát sóng dưới 1 lần/3 tháng” → …, not rare → monthly", async () => {
    const g = gaps(getCatalog("vinh-phuc-2022/xa"), fixture("vinh-phuc-2022-xa"), "thi-tran-hop-hoa", { verify: 0 });
    const s = g.suggestions.find((x) => x.code === "1.6")!;
    expect(s.description).toContain("“Tần suất phát sóng dưới 1 lần/3 tháng” → “Tần suất phát sóng từ 1 lần/1 tháng”");
    expect(s.description).not.toMatch(/\brare\b|\bmonthly\b/);
  });
  it("Đồng Nai Sở 1.1 (perItem) in explain: the item's label and count, not programs=2×5", async () => {
    const r = score(getCatalog("dong-nai-2023/so"), fixture("dong-nai-2023-so"));
    const [e] = explain(r, "so-tttt", { code: "1.1" });
    expect(e!.text).toContain("Q1: Số chương trình đào tạo, hội nghị về chuyển đổi số đã tổ chức trong kỳ: ");
    expect(e!.text).not.toMatch(/programs=/);
  });
  it("Vĩnh Phúc huyện 1.2 (perItem, 3.75 points): the catalog's literal with a decimal comma", async () => {
    const r = score(getCatalog("vinh-phuc-2022/huyen"), fixture("vinh-phuc-2022-huyen"));
    const texts = r.units.flatMap((u) => explain(r, u.id).map((e) => e.text));
    const conferences = texts.filter((t) =>
      t.includes("Số hội nghị về chuyển đổi số, triển khai nhiệm vụ về chuyển đổi số tổ chức trong năm: "),
    );
    expect(conferences.length).toBeGreaterThan(0);
    for (const t of conferences) expect(t).toMatch(/trong năm: \d+ × 3,75/);
    for (const t of texts) expect(t).not.toMatch(/conferences=|[a-z]+=\d+×/);
  });
  it("Quảng Ngãi Nghĩa Phương xã 1.2 (checklist) in explain: the items' labels, not their keys", async () => {
    const r = score(getCatalog("quang-ngai-nghia-phuong-2023/xa"), fixture("quang-ngai-nghia-phuong-2023-xa"));
    const [e] = explain(r, r.units[0]!.id, { code: "1.2" });
    expect(e!.text).toMatch(/^1\.2: đạt: “Tham gia đầy đủ họp huyện, tỉnh, TU về CDS”, “Chủ trì cuộc họp CDS xã” → 10 điểm/);
  });
  it("every sample, every unit: no key=count×points or key → key in explain, gaps or the Markdown report", async () => {
    const keyLike = /\b[a-z][A-Za-z0-9]*=\d|(?:^|[\s:(])(?:[a-z]+[A-Z0-9][A-Za-z0-9]*|under\d|over\d|rare|monthly|weekly) → /;
    for (const [name, id] of [
      ["vinh-phuc-2022-xa", "vinh-phuc-2022/xa"],
      ["vinh-phuc-2022-huyen", "vinh-phuc-2022/huyen"],
      ["dong-nai-2023-huyen", "dong-nai-2023/huyen"],
      ["dong-nai-2023-so", "dong-nai-2023/so"],
      ["quang-ngai-nghia-phuong-2023-xa", "quang-ngai-nghia-phuong-2023/xa"],
    ] as const) {
      const catalog = getCatalog(id);
      const data = fixture(name);
      const r = score(catalog, data);
      for (const u of r.units) {
        for (const e of explain(r, u.id)) expect(e.text, `${id} ${u.id} ${e.code}`).not.toMatch(keyLike);
        for (const s of gaps(catalog, data, u.id, { verify: 0, result: r }).suggestions) {
          expect(s.description, `${id} ${u.id} ${s.code}`).not.toMatch(keyLike);
          // Every option key of the indicator (none, head, rare, …), on either side of an arrow.
          for (const f of catalog.nodes.get(s.code)?.fields ?? [])
            for (const key of f.options ?? [])
              expect(s.description, `${id} ${u.id} ${s.code} ${key}`).not.toMatch(new RegExp(`(^|[\\s(])${key} →|→ ${key}(\\s|$)`));
        }
      }
      expect(reportMarkdown(reportData(catalog, data, "vi"), "vi")).not.toMatch(keyLike);
    }
  });
});

describe("dti score --full with the table", () => {
  it("is refused with a coded usage error naming the formats it is for (exit 2), in vi and en", async () => {
    const vi = await dti("score", "fixtures/dong-nai-2023-so.sample.yaml", "--full");
    expect(vi.code).toBe(2);
    expect(vi.out).toBe("");
    expect(vi.err).toContain("--full dùng với --format json|jsonl; định dạng table không hiện thông tin từng chỉ số");
    const en = await dti("score", "fixtures/dong-nai-2023-so.sample.yaml", "--full", "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.err).toContain("--full is for --format json|jsonl; the table format shows no indicator records");
  });
  it("is honoured for JSON (Đồng Nai Sở 2.6 carries its periods) and accepted for CSV (always every indicator)", async () => {
    const json = await dti("score", "fixtures/dong-nai-2023-so.sample.yaml", "--format", "json", "--full");
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as { units: { indicators: Record<string, { periods?: unknown }> }[] };
    expect(parsed.units[0]!.indicators["2.6"]!.periods).toBeDefined();
    expect((await dti("score", "fixtures/dong-nai-2023-so.sample.yaml", "--format", "csv", "--full")).code).toBe(0);
  });
});

describe("dti sample <catalog>", () => {
  const dir = mkdtempSync(join(tmpdir(), "dti-sample-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("writes the bundled sample of dong-nai-2023/so to stdout, byte for byte", async () => {
    const r = await dti("sample", "dong-nai-2023/so");
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync("fixtures/dong-nai-2023-so.sample.yaml", "utf8"));
  });
  it("--out writes a file that scores (Kon Tum xã: xa-a reaches level 5)", async () => {
    const file = join(dir, "kt.yaml");
    expect((await dti("sample", "kon-tum-2025/xa", "--out", file)).code).toBe(0);
    const r = await dti("score", file, "--format", "json");
    expect(r.code).toBe(0);
    const units = (JSON.parse(r.out) as { units: { id: string; level?: number }[] }).units;
    expect(units.find((u) => u.id === "xa-a")!.level).toBe(5);
  });
  it("an unknown catalog is exit 2 naming the ids; a file path is not a built-in id", async () => {
    const r = await dti("sample", "dong-nai-2099/so");
    expect(r.code).toBe(2);
    expect(r.err).toContain("dong-nai-2023/so");
    expect((await dti("sample", "catalogs/dong-nai-2023/so.yaml")).code).toBe(2);
  });
  it("an unwritable --out is exit 2 naming the file", async () => {
    const file = join(dir, "no-such-dir", "x.yaml");
    const r = await dti("sample", "dong-nai-2023/so", "--out", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(file);
  });
});

describe("a yes/no part says what it asks (Đồng Nai huyện 6.3.5, Sở 6.4.4)", () => {
  it("the template labels the field with the declared input's label, not 'Có / Không'", async () => {
    for (const [id, code] of [
      ["dong-nai-2023/huyen", "6.3.5"],
      ["dong-nai-2023/so", "6.4.4"],
    ] as const) {
      const node = getCatalog(id).nodes.get(code)!;
      // "100% lãnh đạo dùng chữ ký số: + 5 điểm": the boolean of the second part.
      expect(node.fields.find((f) => f.name === "value")).toMatchObject({ type: "boolean", label: "100% lãnh đạo dùng chữ ký số" });
      const r = await dti("template", id, "--format", "csv");
      expect(r.out).toContain(`${code},value,`);
      expect(r.out).toMatch(new RegExp(`${code.replace(/\./g, "\\.")},value,[^\\n]*100% lãnh đạo dùng chữ ký số`));
    }
  });
});
