/**
 * Words of the `dti` command line in one language: the help text (keyed by the names declared in
 * src/cli/spec.ts; src/cli/_args.ts checks at compile time that every declared command, argument
 * and option has its description) and the headers and sentences of the text outputs. Error messages are issue codes in
 * `en.ts` / `vi.ts`.
 */
export interface CliTexts {
  readonly help: {
    readonly title: string;
    readonly usage: string;
    readonly arguments: string;
    readonly options: string;
    readonly everyCommand: string;
    readonly version: string;
    readonly defaultIs: (value: string) => string;
    readonly moreHelp: string;
    readonly noArguments: string;
    readonly notes: readonly string[];
    readonly commands: Readonly<Record<string, string>>;
    readonly args: Readonly<Record<string, string>>;
    readonly optionDescriptions: Readonly<Record<string, string>>;
    /** Lines after a command's options (`dti help score`). */
    readonly commandNotes: Readonly<Partial<Record<string, readonly string[]>>>;
  };
  readonly catalogs: { readonly headers: readonly string[]; readonly declared: (total: string) => string };
  /** Progress of a long run on a terminal. */
  readonly progress: (units: number) => string;
  readonly validate: {
    readonly catalog: (id: string) => string;
    readonly structureOnly: (id: string) => string;
    readonly dataset: (units: number, id: string, warnings: number) => string;
  };
  readonly gaps: {
    readonly total: string;
    readonly rank: string;
    readonly level: string;
    readonly forLevel: (level: number) => string;
    readonly needMore: (needed: string, name: string, unit: string, total: string) => string;
    readonly byMain: string;
    readonly byLead: string;
    readonly lost: string;
    readonly missing: string;
    readonly upTo: string;
    readonly suggestions: string;
    readonly combined: string;
    /** `--previous`: the unit against its earlier result (across a lineage, its predecessors' merge). */
    readonly history: string;
    readonly historyLine: (before: string, rankBefore: number, after: string, rankAfter: number, change: string) => string;
    readonly historyLevel: (before: number, after: number) => string;
    readonly mergedFrom: (predecessors: string, rule: string) => string;
    readonly noHistory: string;
    readonly newUnit: string;
  };
  readonly whatif: { readonly headers: readonly string[]; readonly levelHeaders: readonly string[]; readonly noChange: string };
  readonly compare: {
    readonly headers: readonly string[];
    readonly levelHeaders: readonly string[];
    /** The change cell of a unit in only one of the two years. */
    readonly newUnit: string;
    readonly removedUnit: string;
    /** A unit paired with an earlier id by the lineage. */
    readonly renamedFrom: (id: string) => string;
  };
  /** Shared by every output. */
  readonly output: {
    readonly warnings: (count: number) => string;
    /** The header of the block of units left out by --skip-invalid. */
    readonly rejected: (count: number) => string;
  };
  readonly table: {
    /** Before the readings chosen against the default (issue 13). */
    readonly readings: string;
    readonly rank: string;
    readonly id: string;
    readonly unit: string;
    readonly total: string;
    readonly level: string;
    readonly levelWord: string;
    readonly registered: string;
    readonly recognised: string;
    readonly yes: string;
    readonly no: string;
    readonly blocks: string;
    readonly self: string;
    readonly diff: string;
    readonly year: string;
    readonly summary: string;
    readonly parent: string;
    readonly none: string;
    readonly byParent: string;
    readonly units: string;
    readonly mean: string;
    readonly lowest: string;
    readonly highest: string;
  };
}

/** English words of the command line. */
export const en = {
  help: {
    title: "dti — scoring of the provincial Digital Transformation Index (DTI)",
    usage: "Usage",
    arguments: "Arguments",
    options: "Options",
    everyCommand: "Options of every command",
    version: "print the version",
    defaultIs: (v) => `default: ${v}`,
    moreHelp: "Details of one command: dti help <command> or dti <command> --help.",
    noArguments: "no arguments",
    notes: [
      "A dataset is YAML, JSON, or a filled CSV template (then --catalog is required).",
      "Exit codes: 0 ok, 1 internal error, 2 bad input (one line per problem on stderr), 3 units rejected (score, report --skip-invalid).",
    ],
    commands: {
      score: "Score datasets and rank their units.",
      catalogs: "List the built-in catalogs.",
      validate: "Check catalog or dataset files.",
      lint: "Check catalogs (sums, totals, formulas) and list their interpretation notes.",
      explain: "Explain how a unit's scores were computed.",
      gaps: "Where a unit loses points, and how to gain them.",
      whatif: "Score again with changed inputs and show what moves.",
      compare: "Compare two years scored with the same catalog (or two published tables); across a merger with --lineage.",
      rank: "Rank a table of published 0–1 values (CSV or YAML), and with --lineage the new units merged from it.",
      report: "Write a report (Markdown, HTML, CSV or JSON), or printable pages per unit (--per-unit, --unit).",
      robustness: "How much the ranks depend on the readings of ambiguous rows: each unit's rank interval over every combination.",
      template: "Write a blank data-entry template of a catalog.",
      sample: "Write the sample dataset shipped with a built-in catalog (to try score, explain, gaps).",
      help: "Show the usage of every command, or of one.",
    },
    args: {
      dataset: "dataset file (YAML, JSON, or a filled CSV template with --catalog)",
      catalogOrDataset: "catalog or dataset file",
      catalog: "built-in catalog id or catalog file",
      catalogs: "built-in catalog ids or catalog files (default: every built-in catalog)",
      oldDataset: "dataset of the earlier year",
      newDataset: "dataset of the later year",
      table: "table of published values: id,name,<main indicators>,total (CSV) or { published: … } (YAML/JSON)",
      command: "a command name",
      builtinCatalog: "built-in catalog id (see dti catalogs)",
    },
    optionDescriptions: {
      lang: "language of the output and of the messages",
      help: "show this help",
      catalog: "catalog to score with: built-in id or file (default: the dataset's)",
      format: "output format",
      full: "JSON: complete indicator records (periods, traces)",
      unit: "unit ID in the dataset",
      code: "only this indicator and the ones under it",
      set: "a changed input (repeat the option for several)",
      periods: "periods of the template, comma-separated",
      year: "year of the template",
      out: "write to this file instead of the standard output",
      roster: "roster file: every unit that should be in the dataset (CSV with unit_id,unit_name, or a YAML/JSON list of {id, name})",
      numbers: "how numbers are written in a CSV dataset: vi 1.234,5 or en 1,234.5 (without it, 1.000 and 1,500 are refused as ambiguous)",
      warnings: "also write the warnings to this CSV file (code, place, message; UTF-8 with BOM)",
      engine:
        "scoring engine: fast (compiled, exact; hands uncertain units to the reference) or reference (decimal.js for every unit); same output",
      reading:
        "read an ambiguous row another way: indicator code = reading id, e.g. 7.1=asWritten (repeat for several; catalog=ID for the total's rule; dti lint lists them)",
      readings: "readings file kept beside the datasets: {catalog, readings: {CODE: ID}, note} (YAML/JSON); --reading overrides it",
      sort: "order of the units: total (rank), name or id; ranks stay those of the whole dataset",
      filter: "only the units whose id or name contains this text (case and accents do not count: lien bao finds Liên Bảo)",
      groupBy:
        "parent: add a summary per parent unit (units, mean, lowest and highest total; points catalogs); with --format csv, the summary is the CSV",
      excel: "CSV for a Vietnamese-locale Excel: UTF-8 BOM, ; between cells, decimal comma (csv formats; the CSV reader reads it back)",
      units: "roster file of the units to prefill (CSV with unit_id,unit_name, or a YAML/JSON list of {id, name})",
      perUnit: "HTML to print: A4, each unit from a new page, with its scores, gaps and a signature block (--unit ID: that unit only)",
      "skip-invalid":
        "score (report) the units without problems; list every rejected unit with all its problems (stderr, the output, --warnings) and exit 3",
      lineage: "lineage file (docs/lineage.md): also rank the new units, each scored from its predecessors",
      mergeRule: "how a new unit's values come from its predecessors': mean (the national rule), weighted (--merge-by), max, min",
      mergeBy: "profile field to weight by with --merge-rule weighted (population, staff)",
      precision: "0–1 values (points ÷ max) to this many decimals, ranks on them: equal values share a rank, the next is skipped",
      parents:
        "parent units the dataset names without assessing them (a commune dataset's districts: CSV unit_id,unit_name, or a YAML/JSON list of {id, name})",
      previous: "the earlier year's dataset: the unit's figures then and now (across a merger with --lineage: its predecessors' merge)",
      maxCombinations: "score every combination of readings up to this many (default 4096); beyond, exact bounds by monotonicity",
    },
    commandNotes: {
      score: [
        "With --skip-invalid: the valid units are scored and ranked among themselves (relative indicators compare them only);",
        "each rejected unit is listed with all its problems on stderr, in a table's last block and in JSON's `rejected` list;",
        "problems of the file itself (catalog, year, periods, CSV header) still refuse it. Exit codes: 0 ok, 1 internal error,",
        "2 bad input, 3 some units rejected (the others scored).",
      ],
    },
  },
  progress: (n) => `… ${n.toLocaleString("en")} units read`,
  catalogs: {
    headers: ["id", "province", "level", "document", "scoring", "nodes", "total"],
    declared: (total) => `(document: ${total})`,
  },
  validate: {
    catalog: (id) => `OK (catalog ${id})`,
    structureOnly: (id) => `OK shape (catalog ${id} is structure-only)`,
    dataset: (units, id, warnings) => `OK (${units} units, catalog ${id}${warnings ? `, ${warnings} warnings` : ""})`,
  },
  gaps: {
    total: "total",
    rank: "rank",
    level: "level",
    forLevel: (level) => `For level ${level}:`,
    needMore: (needed, name, unit, total) => `Needs more than ${needed} points to pass ${name} (${unit}, ${total}).`,
    byMain: "Points lost by main indicator:",
    byLead: "Points lost by responsible agency/official:",
    lost: "Indicators losing most:",
    missing: "No data reported (scored 0):",
    upTo: "up to",
    suggestions: "Ways to gain (least effort first; ★ = enough to pass the unit above):",
    combined: "Combined",
    history: "Against the earlier result:",
    historyLine: (before, rankBefore, after, rankAfter, change) =>
      `  total ${before} (rank ${rankBefore}) → ${after} (rank ${rankAfter}), change ${change}`,
    historyLevel: (before, after) => `  level ${before} → ${after}`,
    mergedFrom: (predecessors, rule) => `  earlier figures merged from ${predecessors} (rule ${rule})`,
    noHistory: "  a new unit without predecessors in the lineage file: no earlier figures",
    newUnit: "  not in the earlier result (a new unit): no earlier figures",
  },
  whatif: {
    headers: ["ID", "Unit", "Total before", "Total after", "Change", "Rank before", "Rank after", "Indicators changed"],
    levelHeaders: ["ID", "Unit", "Level before", "Level after", "Change", "Rank before", "Rank after", "Criteria changed (level met)"],
    noChange: "No change.",
  },
  compare: {
    headers: [
      "ID",
      "Unit",
      "Total before",
      "Total after",
      "Change",
      "Rank before",
      "Rank after",
      "Ranks climbed",
      "Largest indicator changes",
    ],
    levelHeaders: [
      "ID",
      "Unit",
      "Level before",
      "Level after",
      "Change",
      "Rank before",
      "Rank after",
      "Ranks climbed",
      "Criteria changed (level met)",
    ],
    newUnit: "new",
    removedUnit: "removed",
    renamedFrom: (id) => `(was ${id})`,
  },
  output: { warnings: (n) => `Warnings (${n}):`, rejected: (n) => `Rejected units, not scored (${n}):` },
  table: {
    readings: "Readings other than the default",
    rank: "Rank",
    id: "ID",
    unit: "Unit",
    total: "Total",
    level: "Level",
    levelWord: "level",
    registered: "Registered",
    recognised: "Recognised",
    yes: "yes",
    no: "no",
    blocks: "Blocks level",
    self: "Self",
    diff: "Difference",
    year: "Year",
    summary: "Units per level",
    parent: "Parent",
    none: "(none)",
    byParent: "Summary by parent unit",
    units: "Units",
    mean: "Mean",
    lowest: "Lowest",
    highest: "Highest",
  },
} satisfies CliTexts;

/** Vietnamese words of the command line (same keys as `en`). */
export const vi: { [K in keyof typeof en]: (typeof en)[K] } = {
  help: {
    title: "dti — chấm điểm Bộ chỉ số đánh giá chuyển đổi số (DTI)",
    usage: "Usage (cách dùng)",
    arguments: "Tham số",
    options: "Tuỳ chọn",
    everyCommand: "Tuỳ chọn của mọi lệnh",
    version: "in số phiên bản",
    defaultIs: (v) => `mặc định: ${v}`,
    moreHelp: "Chi tiết một lệnh: dti help <lệnh> hoặc dti <lệnh> --help.",
    noArguments: "không tham số",
    notes: [
      "Tệp số liệu là YAML, JSON hoặc mẫu CSV đã điền (khi đó cần --catalog).",
      "Mã thoát: 0 thành công, 1 lỗi nội bộ, 2 đầu vào sai (mỗi lỗi một dòng trên stderr), 3 có đơn vị bị loại (score, report --skip-invalid).",
    ],
    commands: {
      score: "Chấm điểm và xếp hạng các đơn vị trong tệp số liệu.",
      catalogs: "Liệt kê các bộ chỉ số có sẵn.",
      validate: "Kiểm tra tệp bộ chỉ số hoặc tệp số liệu.",
      lint: "Soát bộ chỉ số (tổng điểm, công thức) và liệt kê các ghi chú diễn giải.",
      explain: "Giải thích cách tính điểm của một đơn vị.",
      gaps: "Đơn vị mất điểm ở đâu và cách cải thiện.",
      whatif: "Chấm lại với số liệu thay đổi và cho thấy điểm, hạng thay đổi thế nào.",
      compare: "So sánh hai năm chấm theo cùng một bộ chỉ số (hoặc hai bảng công bố); qua sáp nhập với --lineage.",
      rank: "Xếp hạng bảng giá trị 0–1 đã công bố (CSV hoặc YAML), và với --lineage các đơn vị mới gộp từ đó.",
      report: "Xuất báo cáo (Markdown, HTML, CSV hoặc JSON), hoặc trang in cho từng đơn vị (--per-unit, --unit).",
      robustness: "Độ vững của xếp hạng theo các cách đọc dòng mơ hồ: khoảng hạng của từng đơn vị qua mọi tổ hợp cách đọc.",
      template: "Xuất mẫu nhập số liệu trống của một bộ chỉ số.",
      sample: "Xuất tệp số liệu mẫu kèm theo một bộ chỉ số có sẵn (để thử score, explain, gaps).",
      help: "Hướng dẫn sử dụng mọi lệnh hoặc một lệnh.",
    },
    args: {
      dataset: "tệp số liệu (YAML, JSON, hoặc mẫu CSV đã điền kèm --catalog)",
      catalogOrDataset: "tệp bộ chỉ số hoặc tệp số liệu",
      catalog: "mã bộ chỉ số có sẵn hoặc tệp bộ chỉ số",
      catalogs: "mã bộ chỉ số có sẵn hoặc tệp bộ chỉ số (mặc định: mọi bộ chỉ số có sẵn)",
      oldDataset: "tệp số liệu năm trước",
      newDataset: "tệp số liệu năm sau",
      table: "bảng giá trị công bố: id,name,<các chỉ số chính>,total (CSV) hoặc { published: … } (YAML/JSON)",
      command: "tên một lệnh",
      builtinCatalog: "mã bộ chỉ số có sẵn (xem dti catalogs)",
    },
    optionDescriptions: {
      lang: "ngôn ngữ của kết quả và thông báo",
      help: "hiện hướng dẫn này",
      catalog: "bộ chỉ số dùng để chấm: mã có sẵn hoặc tệp (mặc định: bộ chỉ số của tệp số liệu)",
      format: "định dạng kết quả",
      full: "JSON: đầy đủ thông tin từng chỉ số (các kỳ, cách tính)",
      unit: "mã đơn vị trong tệp số liệu",
      code: "chỉ chỉ số này và các chỉ số con",
      set: "một số liệu thay đổi (lặp lại tuỳ chọn cho nhiều giá trị)",
      periods: "các kỳ của mẫu, cách nhau bởi dấu phẩy",
      year: "năm của mẫu",
      out: "ghi vào tệp này thay vì ra màn hình",
      roster:
        "tệp danh sách đơn vị: mọi đơn vị phải có trong tệp số liệu (CSV có cột unit_id,unit_name, hoặc danh sách {id, name} YAML/JSON)",
      numbers:
        "cách viết số trong tệp số liệu CSV: vi 1.234,5 hoặc en 1,234.5 (nếu không khai báo, 1.000 và 1,500 bị từ chối vì không rõ nghĩa)",
      warnings: "ghi thêm các cảnh báo vào tệp CSV này (mã, vị trí, nội dung; UTF-8 có BOM)",
      engine:
        "bộ máy chấm điểm: fast (biên dịch, chính xác; trường hợp không chắc chuyển sang bản chuẩn) hoặc reference (decimal.js cho mọi đơn vị); cùng kết quả",
      reading:
        "đọc một dòng mơ hồ theo cách khác: mã chỉ số = mã cách đọc, ví dụ 7.1=asWritten (lặp lại cho nhiều dòng; catalog=ID cho quy tắc tính tổng; dti lint liệt kê)",
      readings: "tệp cách đọc lưu cùng số liệu: {catalog, readings: {MÃ: ID}, note} (YAML/JSON); --reading ghi đè tệp này",
      sort: "thứ tự các đơn vị: total (theo hạng), name (tên) hoặc id (mã); hạng vẫn là hạng trong toàn bộ số liệu",
      filter: "chỉ các đơn vị có mã hoặc tên chứa chuỗi này (không phân biệt hoa thường, có dấu hay không: lien bao tìm được Liên Bảo)",
      groupBy:
        "parent: thêm bảng tổng hợp theo đơn vị cấp trên (số đơn vị, điểm trung bình, thấp nhất, cao nhất; bộ chỉ số chấm điểm); với --format csv, bảng tổng hợp là tệp CSV",
      excel: "CSV cho Excel tiếng Việt: UTF-8 có BOM, dấu ; giữa các ô, dấu phẩy thập phân (các định dạng csv; bộ đọc CSV đọc lại được)",
      units: "tệp danh sách đơn vị để điền sẵn (CSV có cột unit_id,unit_name, hoặc danh sách YAML/JSON các {id, name})",
      perUnit: "HTML để in: khổ A4, mỗi đơn vị bắt đầu trang mới, có điểm, điểm bị mất và phần ký (--unit MÃ: chỉ đơn vị đó)",
      "skip-invalid":
        "chấm (báo cáo) các đơn vị không có lỗi; liệt kê mọi đơn vị bị loại cùng mọi lỗi của nó (stderr, kết quả, --warnings), mã thoát 3",
      lineage: "tệp kế thừa đơn vị (docs/lineage.md): xếp hạng thêm các đơn vị mới, mỗi đơn vị tính từ các đơn vị tiền thân",
      mergeRule: "cách tính giá trị đơn vị mới từ đơn vị tiền thân: mean (quy tắc quốc gia), weighted (--merge-by), max, min",
      mergeBy: "trường hồ sơ làm trọng số khi --merge-rule weighted (population, staff)",
      precision: "giá trị 0–1 (điểm ÷ điểm tối đa) với số chữ số thập phân này, xếp hạng theo đó: bằng nhau cùng hạng, bỏ hạng kế tiếp",
      parents:
        "các đơn vị cấp trên mà bộ dữ liệu nhắc tới nhưng không đánh giá (các huyện của bộ dữ liệu xã: CSV unit_id,unit_name, hoặc danh sách YAML/JSON các {id, name})",
      previous: "bộ dữ liệu kỳ trước: số liệu của đơn vị khi đó và nay (qua sắp xếp đơn vị với --lineage: gộp từ các đơn vị tiền thân)",
      maxCombinations: "chấm từng tổ hợp cách đọc khi số tổ hợp không quá N (mặc định 4096); quá thì tính cận chính xác theo tính đơn điệu",
    },
    commandNotes: {
      score: [
        "Với --skip-invalid: các đơn vị hợp lệ được chấm và xếp hạng với nhau (chỉ số tương đối chỉ so sánh các đơn vị này);",
        "mỗi đơn vị bị loại được liệt kê cùng mọi lỗi trên stderr, ở khối cuối của bảng và trong danh sách `rejected` của JSON;",
        "lỗi của chính tệp (bộ chỉ số, năm, các kỳ, dòng tiêu đề CSV) vẫn làm tệp bị từ chối. Mã thoát: 0 thành công, 1 lỗi nội bộ,",
        "2 đầu vào sai, 3 có đơn vị bị loại (các đơn vị khác vẫn được chấm).",
      ],
    },
  },
  progress: (n) => `… đã đọc ${n.toLocaleString("vi")} đơn vị`,
  catalogs: {
    headers: ["id", "tỉnh / province", "cấp / level", "văn bản / document", "chấm / scoring", "chỉ số / nodes", "tổng / total"],
    declared: (total) => `(văn bản: ${total})`,
  },
  validate: {
    catalog: (id) => `OK (bộ chỉ số ${id})`,
    structureOnly: (id) => `OK về cấu trúc (bộ chỉ số ${id} chỉ có cấu trúc)`,
    dataset: (units, id, warnings) => `OK (${units} đơn vị, bộ chỉ số ${id}${warnings ? `, ${warnings} cảnh báo` : ""})`,
  },
  gaps: {
    total: "tổng",
    rank: "hạng",
    level: "mức",
    forLevel: (level) => `Để đạt mức ${level}:`,
    needMore: (needed, name, unit, total) => `Cần thêm hơn ${needed} điểm để vượt ${name} (${unit}, ${total}).`,
    byMain: "Điểm mất theo chỉ số chính:",
    byLead: "Điểm mất theo đơn vị/công chức chủ trì:",
    lost: "Chỉ số mất điểm nhiều nhất:",
    missing: "Chưa có số liệu (thiếu số liệu tính 0 điểm):",
    upTo: "tối đa",
    suggestions: "Cách cải thiện (ít công sức trước; ★ = đủ để vượt đơn vị trên):",
    combined: "Kết hợp",
    history: "So với kết quả kỳ trước:",
    historyLine: (before, rankBefore, after, rankAfter, change) =>
      `  tổng điểm ${before} (hạng ${rankBefore}) → ${after} (hạng ${rankAfter}), thay đổi ${change}`,
    historyLevel: (before, after) => `  mức ${before} → ${after}`,
    mergedFrom: (predecessors, rule) => `  số liệu kỳ trước gộp từ ${predecessors} (quy tắc ${rule})`,
    noHistory: "  đơn vị mới, không có đơn vị tiền thân trong tệp kế thừa: không có số liệu kỳ trước",
    newUnit: "  không có trong kết quả kỳ trước (đơn vị mới): không có số liệu kỳ trước",
  },
  whatif: {
    headers: ["Mã", "Đơn vị", "Tổng trước", "Tổng sau", "Thay đổi", "Hạng trước", "Hạng sau", "Chỉ số thay đổi"],
    levelHeaders: ["Mã", "Đơn vị", "Mức trước", "Mức sau", "Thay đổi", "Hạng trước", "Hạng sau", "Tiêu chí thay đổi (mức đạt)"],
    noChange: "Không có thay đổi.",
  },
  compare: {
    headers: ["Mã", "Đơn vị", "Tổng trước", "Tổng sau", "Thay đổi", "Hạng trước", "Hạng sau", "Tăng hạng", "Chỉ số thay đổi nhiều nhất"],
    levelHeaders: [
      "Mã",
      "Đơn vị",
      "Mức trước",
      "Mức sau",
      "Thay đổi",
      "Hạng trước",
      "Hạng sau",
      "Tăng hạng",
      "Tiêu chí thay đổi (mức đạt)",
    ],
    newUnit: "mới",
    removedUnit: "không còn",
    renamedFrom: (id) => `(trước là ${id})`,
  },
  output: { warnings: (n) => `Cảnh báo (${n}):`, rejected: (n) => `Đơn vị bị loại, không được chấm (${n}):` },
  table: {
    readings: "Cách đọc khác mặc định",
    rank: "Hạng",
    id: "Mã",
    unit: "Đơn vị",
    total: "Tổng điểm",
    level: "Mức đạt",
    levelWord: "mức",
    registered: "Đăng ký",
    recognised: "Công nhận",
    yes: "Có",
    no: "Không",
    blocks: "Chưa đạt mức",
    self: "Tự đánh giá",
    diff: "Chênh lệch",
    year: "Năm",
    summary: "Tổng hợp theo mức",
    parent: "Đơn vị cấp trên",
    none: "(không có)",
    byParent: "Tổng hợp theo đơn vị cấp trên",
    units: "Số đơn vị",
    mean: "Trung bình",
    lowest: "Thấp nhất",
    highest: "Cao nhất",
  },
};

/** The command line's words by language. */
export const cliTexts = { vi, en } as const;
