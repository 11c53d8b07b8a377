// Messages of the problems raised by unit lineage, merged scores and published-value tables
// (issue 14). Apart from en.ts / vi.ts so that an app that only scores does not carry them; the
// lineage modules register them (registerMessages in errors.ts) when loaded.

type P = { readonly expected?: string; readonly received?: string; readonly detail?: string };

/** English messages of the lineage and published-values readers, by issue code. */
export const en = {
  lineageSchema: (p: P) => `invalid lineage file: ${p.detail}`,
  lineageDuplicateUnit: (p: P) => `new unit ${p.received} is listed more than once in the lineage`,
  lineageUnknownUnit: (p: P) =>
    `predecessor ${p.received} of ${p.detail} is not a unit of the result the lineage is applied to (units: ${p.expected})`,
  lineagePredecessorTwice: (p: P) =>
    `predecessor ${p.received} is given to ${p.detail} without shares: a unit split between new units needs share: on each of them (summing to 1)`,
  lineageShares: (p: P) => `the shares of predecessor ${p.received} add up to ${p.detail}, not 1 (${p.expected})`,
  lineageBadShare: (p: P) => `share ${p.received} must be a decimal greater than 0 and at most 1 (written as text: "0.4")`,
  lineageCycle: (p: P) => `the lineage goes round in a cycle: ${p.detail}`,
  lineageChain: (p: P) =>
    `${p.received} is a new unit of this lineage and also a predecessor of ${p.detail}: one lineage file is one step (give a second file for the next step)`,
  lineageIdClash: (p: P) =>
    `new unit ${p.received} has the id of an earlier unit that it does not continue (list ${p.received} among its predecessors, or give the new unit another id)`,
  mergeNeedsPoints: (p: P) => `unit ${p.received} is scored by levels: only points (and published values) can be merged`,
  mergeMissingWeight: (p: P) => `unit ${p.received} has no number in profile field ${p.detail}, which the weighted rule needs`,
  mergeZeroWeight: (p: P) => `the weights of the predecessors of ${p.received} (${p.detail}) add up to 0`,
  mergeNeedsWeights: (p: P) =>
    `the ${p.received} rule recomputes the total from the merged main-indicator values: the published table needs weights: (one per main indicator)`,
  mergeMissingValues: (p: P) =>
    `${p.received}: predecessors ${p.detail} have no published main-indicator values, which the max and min rules merge indicator by indicator (use mean or weighted, which merge the totals)`,
  mergeNeedsField: () => "the weighted rule needs the profile field to weight by (by: population, --merge-by population)",
  publishedSchema: (p: P) => `invalid published-values table: ${p.detail}`,
  publishedValue: (p: P) => `"${p.received}" is not a value from 0 to 1 written as a decimal`,
  publishedDuplicateUnit: (p: P) => `unit ${p.received} appears more than once in the published table`,
  valuesNeedPoints: (p: P) => `unit ${p.received} is scored by levels: it has no points to turn into a 0–1 value`,
  rankingUnknownUnit: (p: P) => `ranking declaration names ${p.received}, which is not a unit of the result (${p.detail})`,
  rankingTwice: (p: P) => `unit ${p.received} is declared in more than one ranking group (${p.detail})`,
  badPrecision: (p: P) => `precision must be a whole number from 0 to 6; got ${p.received}`,
} as const;

/** Vietnamese messages (same keys as `en`). */
export const vi: { [K in keyof typeof en]: (typeof en)[K] } = {
  lineageSchema: (p: P) => `tệp kế thừa đơn vị (lineage) không hợp lệ: ${p.detail}`,
  lineageDuplicateUnit: (p: P) => `đơn vị mới ${p.received} được liệt kê nhiều lần trong tệp kế thừa`,
  lineageUnknownUnit: (p: P) =>
    `đơn vị tiền thân ${p.received} của ${p.detail} không có trong kết quả được áp dụng (các đơn vị: ${p.expected})`,
  lineagePredecessorTwice: (p: P) =>
    `đơn vị tiền thân ${p.received} được giao cho ${p.detail} mà không ghi tỷ lệ: đơn vị chia tách cho nhiều đơn vị mới cần share: ở mỗi nơi (tổng bằng 1)`,
  lineageShares: (p: P) => `tổng tỷ lệ của đơn vị tiền thân ${p.received} là ${p.detail}, không phải 1 (${p.expected})`,
  lineageBadShare: (p: P) => `tỷ lệ ${p.received} phải là số thập phân lớn hơn 0 và không quá 1 (viết dạng chữ: "0.4")`,
  lineageCycle: (p: P) => `quan hệ kế thừa tạo thành vòng: ${p.detail}`,
  lineageChain: (p: P) =>
    `${p.received} là đơn vị mới của tệp này đồng thời là tiền thân của ${p.detail}: mỗi tệp kế thừa là một bước (bước sau dùng tệp thứ hai)`,
  lineageIdClash: (p: P) =>
    `đơn vị mới ${p.received} trùng mã với một đơn vị cũ mà nó không kế thừa (ghi ${p.received} trong danh sách tiền thân, hoặc đặt mã khác)`,
  mergeNeedsPoints: (p: P) => `đơn vị ${p.received} đánh giá theo mức độ: chỉ gộp được điểm (và giá trị đã công bố)`,
  mergeMissingWeight: (p: P) => `đơn vị ${p.received} không có số ở trường ${p.detail} của hồ sơ, cần cho quy tắc bình quân gia quyền`,
  mergeZeroWeight: (p: P) => `tổng trọng số của các đơn vị tiền thân của ${p.received} (${p.detail}) bằng 0`,
  mergeNeedsWeights: (p: P) =>
    `quy tắc ${p.received} tính lại tổng từ giá trị các chỉ số chính đã gộp: bảng công bố cần weights: (mỗi chỉ số chính một trọng số)`,
  mergeMissingValues: (p: P) =>
    `${p.received}: các đơn vị trước ${p.detail} không có giá trị chỉ số chính được công bố, mà quy tắc max và min gộp theo từng chỉ số (dùng mean hoặc weighted, gộp theo tổng)`,
  mergeNeedsField: () => "quy tắc bình quân gia quyền cần trường hồ sơ làm trọng số (by: population, --merge-by population)",
  publishedSchema: (p: P) => `bảng giá trị công bố không hợp lệ: ${p.detail}`,
  publishedValue: (p: P) => `"${p.received}" không phải giá trị từ 0 đến 1 viết dạng số thập phân`,
  publishedDuplicateUnit: (p: P) => `đơn vị ${p.received} xuất hiện nhiều lần trong bảng công bố`,
  valuesNeedPoints: (p: P) => `đơn vị ${p.received} đánh giá theo mức độ: không có điểm để quy về giá trị 0–1`,
  rankingUnknownUnit: (p: P) => `khai báo xếp hạng nêu ${p.received}, không phải đơn vị của kết quả (${p.detail})`,
  rankingTwice: (p: P) => `đơn vị ${p.received} được khai báo ở nhiều nhóm xếp hạng (${p.detail})`,
  badPrecision: (p: P) => `số chữ số thập phân phải là số nguyên từ 0 đến 6; nhận được ${p.received}`,
};

/** Both languages, for registerMessages. */
export const lineageMessages = { en, vi } as const;

/** Words of the lineage outputs of the command line (`score --lineage`, `--precision`, `rank`, `compare --lineage`). */
export interface LineageTexts {
  readonly before: (units: number) => string;
  readonly after: (id: string, effective: string, source: string, rule: string, units: number) => string;
  readonly headers: readonly string[];
  readonly valuesHeaders: (precision: number) => { readonly rank: string; readonly total: string; readonly group: string };
  readonly from: string;
  readonly unchanged: string;
  readonly noHistory: (ids: string) => string;
  readonly unranked: (citation: string) => string;
  readonly group: (name: string, citation: string) => string;
}

/** The lineage outputs' words, in both languages. */
export const lineageTexts: { readonly vi: LineageTexts; readonly en: LineageTexts } = {
  en: {
    before: (n) => `Before (${n} units):`,
    after: (id, effective, source, rule, n) => `After ${id} (from ${effective}; ${source}) — merge rule ${rule}, ${n} units:`,
    headers: ["Rank", "ID", "Unit", "Total", "Max", "From"],
    valuesHeaders: (p) => ({ rank: `Rank (${p} d.p.)`, total: "Total (0–1)", group: "Group" }),
    from: "from",
    unchanged: "(unchanged)",
    noHistory: (ids) => `New units without history (no predecessor): ${ids}`,
    unranked: (c) => `Assessed, not ranked (${c}):`,
    group: (name, c) => `Ranked apart: ${name} (${c}):`,
  },
  vi: {
    before: (n) => `Trước sắp xếp (${n} đơn vị):`,
    after: (id, effective, source, rule, n) => `Sau sắp xếp ${id} (từ ${effective}; ${source}) — quy tắc gộp ${rule}, ${n} đơn vị:`,
    headers: ["Hạng", "Mã", "Đơn vị", "Tổng điểm", "Tối đa", "Từ"],
    valuesHeaders: (p) => ({ rank: `Hạng (${p} số lẻ)`, total: "Tổng (0–1)", group: "Nhóm" }),
    from: "từ",
    unchanged: "(giữ nguyên)",
    noHistory: (ids) => `Đơn vị mới chưa có lịch sử (không có đơn vị tiền thân): ${ids}`,
    unranked: (c) => `Được đánh giá, không xếp hạng (${c}):`,
    group: (name, c) => `Xếp hạng riêng: ${name} (${c}):`,
  },
};
