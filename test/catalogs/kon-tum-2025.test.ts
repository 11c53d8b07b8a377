// Kon Tum, Quyết định 121/QĐ-UBND ngày 10/3/2025: Bộ tiêu chí và phương pháp đánh giá, xét công nhận
// mức độ chuyển đổi số cấp huyện và cấp xã (Phiên bản 1.0). Phụ lục 01 (cấp xã, 38 tiêu chí) and
// Phụ lục 02 (cấp huyện, 33 tiêu chí). No points: five levels, 1 Khởi động, 2 Kết nối, 3 Cơ bản,
// 4 Nâng cao, 5 Toàn diện.
//
// Reading encoded in the catalogs (catalog notes): a criterion reaches level L when its requirements at
// levels 1..L all hold ("Không áp dụng" imposes nothing); a percentage cell is a minimum (≥); a unit
// reaches the lowest level over its criteria; it is recognised when that level ≥ its registered level.
// Codes are "<group>.<STT>" because the document restarts STT in every group (I → 1, II → 2, …).
// Every expected value below is derived by hand from the document's cells.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { getCatalog, loadDataset, score, scoreIndicator } from "../../src/index.js";
import { levelUnit } from "../_units.js";

const xa = getCatalog("kon-tum-2025/xa");
const huyen = getCatalog("kon-tum-2025/huyen");
const lvl = (cat: typeof xa, code: string, data: Parameters<typeof scoreIndicator>[2]) =>
  scoreIndicator(cat, code, data).levelMet;

describe("Kon Tum 121/QĐ-UBND Phụ lục 01 (cấp xã): structure", () => {
  it("has 38 criteria: Chính quyền số 24, Kinh tế số 5, Xã hội số 9", () => {
    expect(xa.scoring).toBe("levels");
    expect(xa.indicators.map((g) => g.code)).toEqual(["1", "2", "3"]);
    expect(xa.indicators.map((g) => g.children?.length)).toEqual([24, 5, 9]);
    expect(xa.levels?.map((l) => l.name)).toEqual(["Khởi động", "Kết nối", "Cơ bản", "Nâng cao", "Toàn diện"]);
  });
});

describe("Kon Tum 121/QĐ-UBND Phụ lục 01 (cấp xã): percentage requirements (min, ≥)", () => {
  it("Kon Tum xã I.8 (1.8) máy tính: 50% | 60% | 70% | 80% | 90%", () => {
    expect(lvl(xa, "1.8", { a: 19, b: 40 })).toBe(0); // 47.5% < 50%
    expect(lvl(xa, "1.8", { a: 20, b: 40 })).toBe(1); // 50% = 50% (at edge)
    expect(lvl(xa, "1.8", { a: 23, b: 40 })).toBe(1); // 57.5% < 60%
    expect(lvl(xa, "1.8", { a: 24, b: 40 })).toBe(2); // 60% (at edge)
    expect(lvl(xa, "1.8", { a: 27, b: 40 })).toBe(2); // 67.5% < 70%
    expect(lvl(xa, "1.8", { a: 28, b: 40 })).toBe(3); // 70% (at edge)
    expect(lvl(xa, "1.8", { a: 29, b: 40 })).toBe(3); // 72.5%
    expect(lvl(xa, "1.8", { a: 31, b: 40 })).toBe(3); // 77.5% < 80%
    expect(lvl(xa, "1.8", { a: 32, b: 40 })).toBe(4); // 80% (at edge)
    expect(lvl(xa, "1.8", { a: 35, b: 40 })).toBe(4); // 87.5% < 90%
    expect(lvl(xa, "1.8", { a: 36, b: 40 })).toBe(5); // 90% (at edge)
    expect(lvl(xa, "1.8", { a: 40, b: 40 })).toBe(5); // 100%
  });

  it("Kon Tum xã I.1 (1.1) DVCTT toàn trình: 50% | 60% | 70% | 100% | 100% (levels 4 and 5 need the same 100%)", () => {
    expect(lvl(xa, "1.1", { a: 29, b: 40 })).toBe(3); // 72.5%: ≥ 70%, < 100%
    expect(lvl(xa, "1.1", { a: 39, b: 40 })).toBe(3); // 97.5% < 100%
    expect(lvl(xa, "1.1", { a: 40, b: 40 })).toBe(5); // 100% meets 4 and 5
  });

  it("Kon Tum xã I.10 (1.10) phương án ATTT: Không áp dụng | Không áp dụng | 50% | 70% | 100%", () => {
    expect(lvl(xa, "1.10", { a: 0, b: 4 })).toBe(2); // 0%: levels 1–2 impose nothing, 3 fails
    expect(lvl(xa, "1.10", { a: 49, b: 100 })).toBe(2); // 49% < 50%
    expect(lvl(xa, "1.10", { a: 50, b: 100 })).toBe(3); // 50% (at edge)
    expect(lvl(xa, "1.10", { a: 69, b: 100 })).toBe(3); // 69% < 70%
    expect(lvl(xa, "1.10", { a: 70, b: 100 })).toBe(4); // 70% (at edge)
    expect(lvl(xa, "1.10", { a: 99, b: 100 })).toBe(4); // 99% < 100%
    expect(lvl(xa, "1.10", { a: 100, b: 100 })).toBe(5); // 100%
  });

  it("Kon Tum xã I.11 (1.11) kiểm tra ATTT: Không áp dụng | 40% | 60% | 80% | 100%", () => {
    expect(lvl(xa, "1.11", { a: 39, b: 100 })).toBe(1); // 39% < 40%; level 1 imposes nothing
    expect(lvl(xa, "1.11", { a: 40, b: 100 })).toBe(2); // 40% (at edge)
    expect(lvl(xa, "1.11", { a: 59, b: 100 })).toBe(2); // 59% < 60%
    expect(lvl(xa, "1.11", { a: 60, b: 100 })).toBe(3); // 60% (at edge)
  });

  it("Kon Tum xã I.9 (1.9) phê duyệt cấp độ: Không áp dụng | Không áp dụng | 100% | 100% | 100%", () => {
    expect(lvl(xa, "1.9", { a: 9, b: 10 })).toBe(2); // 90% < 100%
    expect(lvl(xa, "1.9", { a: 10, b: 10 })).toBe(5); // 100%
  });

  it("Kon Tum xã III.7 (3.7) nhà văn hóa cáp quang: Không áp dụng | 80% | 90% | 100% | 100%", () => {
    expect(lvl(xa, "3.7", { a: 79, b: 100 })).toBe(1); // 79% < 80%
    expect(lvl(xa, "3.7", { a: 80, b: 100 })).toBe(2); // 80% (at edge)
    expect(lvl(xa, "3.7", { a: 99, b: 100 })).toBe(3); // 99%: ≥ 90%, < 100%
    expect(lvl(xa, "3.7", { a: 100, b: 100 })).toBe(5); // 100%
  });

  it("Kon Tum xã III.5 (3.5) kỹ năng số: 10% | 30% | 50% | 70% | 90%", () => {
    expect(lvl(xa, "3.5", { a: 9, b: 100 })).toBe(0); // 9% < 10%
    expect(lvl(xa, "3.5", { a: 10, b: 100 })).toBe(1); // 10% (at edge)
    expect(lvl(xa, "3.5", { a: 29, b: 100 })).toBe(1); // 29% < 30%
    expect(lvl(xa, "3.5", { a: 30, b: 100 })).toBe(2); // 30% (at edge)
  });
});

describe("Kon Tum 121/QĐ-UBND Phụ lục 01 (cấp xã): presence requirements", () => {
  it("Kon Tum xã I.12 (1.12) camera: Không áp dụng | Không áp dụng | Có hệ thống ×3", () => {
    expect(lvl(xa, "1.12", { value: false })).toBe(2); // levels 1–2 impose nothing, 3 fails
    expect(lvl(xa, "1.12", { value: true })).toBe(5);
  });
  it("Kon Tum xã I.14 (1.14) điểm phục vụ bưu chính: Không áp dụng | Có điểm phục vụ ×4", () => {
    expect(lvl(xa, "1.14", { value: false })).toBe(1);
    expect(lvl(xa, "1.14", { value: true })).toBe(5);
  });
  it("Kon Tum xã I.22 (1.22) hệ thống dữ liệu KT-XH: Không áp dụng ×3 | Có ứng dụng hệ thống ×2", () => {
    expect(lvl(xa, "1.22", { value: false })).toBe(3);
    expect(lvl(xa, "1.22", { value: true })).toBe(5);
  });
  it("Kon Tum xã II.3 (2.3) sản phẩm trên sàn TMĐT: Không áp dụng | Có sản phẩm ×4", () => {
    expect(lvl(xa, "2.3", { value: false })).toBe(1);
    expect(lvl(xa, "2.3", { value: true })).toBe(5);
  });
});

describe("Kon Tum 121/QĐ-UBND Phụ lục 01 (cấp xã): minimum counts and alternatives", () => {
  it("Kon Tum xã I.7 (1.7) nhân sự: Tối thiểu 01 nhân sự ×4 | Tối thiểu 02 nhân sự", () => {
    expect(lvl(xa, "1.7", { a: 0 })).toBe(0); // < 1
    expect(lvl(xa, "1.7", { a: 1 })).toBe(4); // ≥ 1 (levels 1–4), < 2
    expect(lvl(xa, "1.7", { a: 2 })).toBe(5); // ≥ 2 (at edge)
    expect(lvl(xa, "1.7", { a: 3 })).toBe(5);
  });

  it("Kon Tum xã II.4 (2.4) DN, HTX: Không áp dụng ×2 | Có 1 | Có 2 | Có 3 … trở lên hoặc 100% …", () => {
    expect(lvl(xa, "2.4", { a: 0, b: 5 })).toBe(2); // < 1
    expect(lvl(xa, "2.4", { a: 1, b: 5 })).toBe(3); // 1 (at edge), < 2
    expect(lvl(xa, "2.4", { a: 2, b: 5 })).toBe(4); // 2 (at edge); < 3 and 40% < 100%
    expect(lvl(xa, "2.4", { a: 2, b: 3 })).toBe(4); // < 3 and 2/3 < 100%
    expect(lvl(xa, "2.4", { a: 3, b: 5 })).toBe(5); // 3 (at edge), 60%
    expect(lvl(xa, "2.4", { a: 3, b: 10 })).toBe(5); // 3, 30%: the count alternative suffices
    expect(lvl(xa, "2.4", { a: 2, b: 2 })).toBe(5); // 2 < 3 but 2/2 = 100%: the share alternative
    expect(lvl(xa, "2.4", { a: 4, b: 4 })).toBe(5); // both alternatives
    // Note on 2.4: a single enterprise/cooperative that applies digital technology (1/1 = 100%) meets
    // the level-3 and level-5 cells but not level 4 ("Có 2"): cumulative levels give 3.
    expect(lvl(xa, "2.4", { a: 1, b: 1 })).toBe(3);
  });
});

describe("Kon Tum 121/QĐ-UBND Phụ lục 01 (cấp xã): sample dataset", () => {
  const r = score(xa, loadDataset(readFileSync("fixtures/kon-tum-2025-xa.sample.yaml", "utf8")));
  const unit = (id: string) => levelUnit(r, id);

  it("xa-a reaches 5 (Toàn diện) and is recognised at its registered 5", () => {
    const u = unit("xa-a");
    // Edges at level 5: 1.2 18/20 = 90% ≥ 90%; 3.3 12/20 = 60% ≥ 60%; 2.4 a = 2, 2/2 = 100%.
    expect(u.criteria["1.2"]!.levelMet).toBe(5);
    expect(u.criteria["3.3"]!.levelMet).toBe(5);
    expect(u.criteria["2.4"]!.levelMet).toBe(5);
    expect(u.level).toBe(5);
    expect(u.recognised).toBe(true);
  });

  it("xa-b reaches 4 (Nâng cao); registered 5 → not recognised", () => {
    const u = unit("xa-b");
    expect(u.criteria["1.7"]!.levelMet).toBe(4); // a = 1 < 2
    expect(u.criteria["1.8"]!.levelMet).toBe(4); // 17/20 = 85%
    expect(u.criteria["2.4"]!.levelMet).toBe(4); // a = 2, 2/5 = 40%
    expect(u.criteria["1.11"]!.levelMet).toBe(4); // 4/5 = 80%
    expect(u.criteria["1.1"]!.levelMet).toBe(5); // base 20/20
    expect(u.level).toBe(4); // min(4, 4, 4, 4, 5 …)
    expect(u.recognised).toBe(false);
  });

  it("xa-c reaches 3 (Cơ bản); registered 2 → recognised", () => {
    const u = unit("xa-c");
    expect(u.criteria["1.22"]!.levelMet).toBe(3); // false, levels 1–3 Không áp dụng
    expect(u.criteria["1.1"]!.levelMet).toBe(3); // 29/40 = 72.5%
    expect(u.criteria["3.3"]!.levelMet).toBe(3); // 9/20 = 45%
    expect(u.criteria["2.4"]!.levelMet).toBe(3); // a = 1
    expect(u.criteria["1.10"]!.levelMet).toBe(3); // 1/2 = 50%
    expect(u.level).toBe(3);
    expect(u.recognised).toBe(true);
  });

  it("xa-d reaches 2 (Kết nối); registered 2 → recognised", () => {
    const u = unit("xa-d");
    expect(u.criteria["1.4"]!.levelMet).toBe(2); // false, levels 1–2 Không áp dụng
    expect(u.criteria["1.11"]!.levelMet).toBe(2); // 2/5 = 40%
    expect(u.criteria["2.4"]!.levelMet).toBe(2); // a = 0
    expect(u.criteria["3.7"]!.levelMet).toBe(2); // 16/20 = 80%
    expect(u.level).toBe(2);
    expect(u.recognised).toBe(true);
  });

  it("xa-e reaches 1 (Khởi động); registered 3 → not recognised", () => {
    const u = unit("xa-e");
    expect(u.criteria["1.14"]!.levelMet).toBe(1); // false
    expect(u.criteria["2.3"]!.levelMet).toBe(1); // false
    expect(u.criteria["3.7"]!.levelMet).toBe(1); // 79/100 = 79%
    expect(u.criteria["1.3"]!.levelMet).toBe(1); // 13/20 = 65%
    expect(u.level).toBe(1);
    expect(u.recognised).toBe(false);
  });

  it("xa-f reaches no level (0)", () => {
    const u = unit("xa-f");
    expect(u.criteria["3.5"]!.levelMet).toBe(0); // 9/100 = 9% < 10%
    expect(u.criteria["1.7"]!.levelMet).toBe(0); // a = 0 < 1
    expect(u.criteria["1.2"]!.levelMet).toBe(1); // 5/20 = 25%
    expect(u.level).toBe(0);
  });
});

describe("Kon Tum 121/QĐ-UBND Phụ lục 02 (cấp huyện): structure", () => {
  it("has 33 criteria: Chỉ tiêu chung 1, Chính quyền số 22, Kinh tế số 6, Xã hội số 4", () => {
    expect(huyen.scoring).toBe("levels");
    expect(huyen.childCatalog).toBe("kon-tum-2025/xa");
    expect(huyen.indicators.map((g) => g.code)).toEqual(["1", "2", "3", "4"]);
    expect(huyen.indicators.map((g) => g.children?.length)).toEqual([1, 22, 6, 4]);
  });
});

describe("Kon Tum 121/QĐ-UBND Phụ lục 02 (cấp huyện): criterion requirements", () => {
  it("Kon Tum huyện II.9 (2.9) phê duyệt cấp độ: 50% | 70% | 90% | 100% | 100%", () => {
    expect(lvl(huyen, "2.9", { a: 9, b: 20 })).toBe(0); // 45% < 50%
    expect(lvl(huyen, "2.9", { a: 10, b: 20 })).toBe(1); // 50% (at edge)
    expect(lvl(huyen, "2.9", { a: 13, b: 20 })).toBe(1); // 65% < 70%
    expect(lvl(huyen, "2.9", { a: 14, b: 20 })).toBe(2); // 70% (at edge)
    expect(lvl(huyen, "2.9", { a: 17, b: 20 })).toBe(2); // 85% < 90%
    expect(lvl(huyen, "2.9", { a: 18, b: 20 })).toBe(3); // 90% (at edge)
    expect(lvl(huyen, "2.9", { a: 19, b: 20 })).toBe(3); // 95% < 100%
    expect(lvl(huyen, "2.9", { a: 20, b: 20 })).toBe(5); // 100%
  });

  it("Kon Tum huyện II.16 (2.16) điểm bưu chính: Không áp dụng | 50% | 60% | 70% | 80%", () => {
    expect(lvl(huyen, "2.16", { a: 9, b: 20 })).toBe(1); // 45% < 50%
    expect(lvl(huyen, "2.16", { a: 10, b: 20 })).toBe(2); // 50% (at edge)
    expect(lvl(huyen, "2.16", { a: 11, b: 20 })).toBe(2); // 55% < 60%
    expect(lvl(huyen, "2.16", { a: 12, b: 20 })).toBe(3); // 60% (at edge)
    expect(lvl(huyen, "2.16", { a: 14, b: 20 })).toBe(4); // 70% (at edge)
    expect(lvl(huyen, "2.16", { a: 15, b: 20 })).toBe(4); // 75% < 80%
    expect(lvl(huyen, "2.16", { a: 16, b: 20 })).toBe(5); // 80% (at edge)
  });

  it("Kon Tum huyện II.12 (2.12) người làm CĐS: Có at every level", () => {
    expect(lvl(huyen, "2.12", { value: false })).toBe(0);
    expect(lvl(huyen, "2.12", { value: true })).toBe(5);
  });

  it("Kon Tum huyện II.20 (2.20) IOC: Không áp dụng ×3 | Có hệ thống ×2", () => {
    expect(lvl(huyen, "2.20", { value: false })).toBe(3);
    expect(lvl(huyen, "2.20", { value: true })).toBe(5);
  });

  it("Kon Tum huyện II.13 (2.13) chiếu sáng thông minh: Không áp dụng ×3 | Tối thiểu 01 | Tối thiểu 03 hệ thống", () => {
    expect(lvl(huyen, "2.13", { a: 0 })).toBe(3); // < 1
    expect(lvl(huyen, "2.13", { a: 1 })).toBe(4); // 1 (at edge)
    expect(lvl(huyen, "2.13", { a: 2 })).toBe(4); // < 3
    expect(lvl(huyen, "2.13", { a: 3 })).toBe(5); // 3 (at edge)
  });
});

describe("Kon Tum 121/QĐ-UBND Phụ lục 02 (cấp huyện): sample dataset with communes (criterion I.1 = 1.1)", () => {
  const r = score(huyen, loadDataset(readFileSync("fixtures/kon-tum-2025-huyen.sample.yaml", "utf8")));
  const unit = (id: string) => levelUnit(r, id);

  it("communes of huyện X reach 4, 3, 2, 2", () => {
    expect(unit("hx-xa-1").level).toBe(4); // xã 1.7 a = 1
    expect(unit("hx-xa-1").recognised).toBe(true); // registered 4
    expect(unit("hx-xa-2").level).toBe(3); // xã 1.22 false
    expect(unit("hx-xa-3").level).toBe(2); // xã 1.4 false
    expect(unit("hx-xa-4").level).toBe(2); // xã 1.11 2/5 = 40%
  });

  it("huyện X is limited by its communes: 1.1 reaches 3; level 3; registered 4 → not recognised", () => {
    const u = unit("huyen-x");
    // 1.1 level 3: all communes ≥ 2 (4, 3, 2, 2) and 2/4 = 50% ≥ 3 (50% at edge) → met.
    // 1.1 level 4: needs all communes ≥ 3; two are at 2 → fails.
    expect(u.criteria["1.1"]!.levelMet).toBe(3);
    expect(u.criteria["2.9"]!.levelMet).toBe(5); // base 20/20
    expect(u.criteria["2.13"]!.levelMet).toBe(5); // base a = 3
    expect(u.level).toBe(3); // own criteria all 5
    expect(u.recognised).toBe(false);
  });

  it("communes of huyện Y reach 5, 4, 4", () => {
    expect(unit("hy-xa-1").level).toBe(5); // base
    expect(unit("hy-xa-1").recognised).toBe(true); // registered 5
    expect(unit("hy-xa-2").level).toBe(4); // xã 1.8 17/20 = 85%
    expect(unit("hy-xa-3").level).toBe(4); // xã 2.4 a = 2, 2/6
  });

  it("huyện Y is limited by its own criteria: level 2; registered 1 → recognised", () => {
    const u = unit("huyen-y");
    // 1.1 level 4: all ≥ 3 and 3/3 ≥ 4 → met; level 5: all ≥ 4 but only 1/3 ≈ 33% at 5 (< 50%) → fails.
    expect(u.criteria["1.1"]!.levelMet).toBe(4);
    expect(u.criteria["2.9"]!.levelMet).toBe(2); // 7/10 = 70%: ≥ 70%, < 90%
    expect(u.criteria["2.16"]!.levelMet).toBe(2); // 11/20 = 55%: ≥ 50%, < 60%
    expect(u.criteria["2.13"]!.levelMet).toBe(4); // a = 1: ≥ 1, < 3
    expect(u.level).toBe(2); // min(4, 2, 2, 4, 5 …)
    expect(u.recognised).toBe(true);
  });
});
