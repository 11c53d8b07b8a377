/** Words of the rank robustness analysis (issue 13): `dti robustness` and the report's section. English is the reference table. */
const enRobustness = {
  title: "Rank robustness",
  intro: (combinations: number, mode: "exhaustive" | "bounds", scorings: number) =>
    mode === "exhaustive"
      ? `${combinations} combinations of readings, every one scored (exhaustive).`
      : `${combinations} combinations of readings: too many to score each; exact bounds by monotonicity from ${scorings} scorings (see docs).`,
  base: "Default readings",
  noReadings: "The catalog declares no readings: the ranks do not depend on how a row is read.",
  rank: "Rank",
  id: "ID",
  unit: "Unit",
  total: "Total",
  totalRange: "Lowest – highest total",
  rankRange: "Best – worst rank",
  interval: "Rank interval",
  /** Marks a total range not proved to be the extreme (attained, not a proved bound). */
  notExactTotal: "~ attained by a combination, but not proved the lowest/highest (the monotonicity check failed for this unit)",
  /** Marks a rank range whose extremes were not all attained. */
  notExactRank: (best: number | undefined, worst: number | undefined) =>
    best !== undefined && worst !== undefined
      ? `* the interval shown is attained; the true best and worst ranks lie within the proved ${best}–${worst} (not attained)`
      : "* the interval shown is attained; no proved bound (a total range is not exact)",
  legend: "● rank under the default readings, = the ranks other readings give, · ranks out of reach",
  svgLegend:
    "● rank under the default readings; the bar: every rank some combination of readings gives (green: a single rank); dashed: the proved interval, when the ranks shown are not proved to be all",
  sensitive: "Rows whose reading changes a rank (each alternative alone, from the default readings)",
  noSensitive: "No single row's reading changes a rank.",
  interactions: "The intervals above also cover readings changed together.",
  moved: (unit: string, before: number, after: number, totalBefore: string, totalAfter: string) =>
    `${unit} ${before} → ${after} (${totalBefore} → ${totalAfter})`,
  more: (n: number) => `… and ${n} more (every move: --format json)`,
  assessments: "Rank by self-assessment and by appraisal",
  self: "Self",
  selfRank: "Rank (self)",
  final: "Appraised",
  finalRank: "Rank (appraised)",
  differ: (n: number) => `${n} units rank differently`,
  sameRanks: "Every unit has the same rank in both.",
  attainedBy: "Extremes other than the default, and the readings that give them (changes from the default readings)",
};

/** Words of the robustness analysis, by language. */
export type RobustnessWords = typeof enRobustness;

/** Robustness words by language (Vietnamese has the keys of English). */
export const robustnessWords: { readonly vi: RobustnessWords; readonly en: RobustnessWords } = {
  en: enRobustness,
  vi: {
    title: "Độ vững của xếp hạng",
    intro: (combinations, mode, scorings) =>
      mode === "exhaustive"
        ? `${combinations} tổ hợp cách đọc, đã chấm từng tổ hợp (vét cạn).`
        : `${combinations} tổ hợp cách đọc: quá nhiều để chấm từng tổ hợp; cận chính xác theo tính đơn điệu từ ${scorings} lần chấm (xem tài liệu).`,
    base: "Cách đọc mặc định",
    noReadings: "Bộ chỉ số không khai báo cách đọc nào: hạng không phụ thuộc cách đọc các dòng.",
    rank: "Hạng",
    id: "Mã",
    unit: "Đơn vị",
    total: "Tổng điểm",
    totalRange: "Tổng thấp nhất – cao nhất",
    rankRange: "Hạng tốt nhất – kém nhất",
    interval: "Khoảng hạng",
    notExactTotal: "~ có tổ hợp đạt được, nhưng chưa chứng minh là thấp nhất/cao nhất (kiểm tra tính đơn điệu không đạt với đơn vị này)",
    notExactRank: (best, worst) =>
      best !== undefined && worst !== undefined
        ? `* khoảng hiển thị là khoảng đạt được; hạng tốt nhất và kém nhất thực sự nằm trong khoảng đã chứng minh ${best}–${worst} (chưa đạt được)`
        : "* khoảng hiển thị là khoảng đạt được; chưa có cận chứng minh (khoảng tổng điểm chưa chính xác)",
    legend: "● hạng theo cách đọc mặc định, = các hạng có thể có theo cách đọc khác, · các hạng không thể có",
    svgLegend:
      "● hạng theo cách đọc mặc định; thanh: mọi hạng mà một tổ hợp cách đọc cho ra (xanh: chỉ một hạng); nét đứt: khoảng đã chứng minh, khi các hạng hiển thị chưa được chứng minh là đủ",
    sensitive: "Các dòng có cách đọc làm thay đổi hạng (từng cách đọc một, so với cách đọc mặc định)",
    noSensitive: "Không dòng nào, khi đọc khác đi một mình, làm thay đổi hạng.",
    interactions: "Các khoảng ở trên bao gồm cả khi nhiều dòng cùng được đọc khác đi.",
    moved: (unit, before, after, totalBefore, totalAfter) => `${unit} ${before} → ${after} (${totalBefore} → ${totalAfter})`,
    more: (n) => `… và ${n} đơn vị khác (mọi thay đổi: --format json)`,
    assessments: "Hạng theo tự đánh giá và theo kết quả thẩm định",
    self: "Tự đánh giá",
    selfRank: "Hạng (tự đánh giá)",
    final: "Thẩm định",
    finalRank: "Hạng (thẩm định)",
    differ: (n) => `${n} đơn vị có hạng khác nhau`,
    sameRanks: "Mọi đơn vị có cùng hạng theo cả hai.",
    attainedBy: "Các giá trị cực trị khác mặc định và cách đọc cho ra chúng (thay đổi so với cách đọc mặc định)",
  },
};
