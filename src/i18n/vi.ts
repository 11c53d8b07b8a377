import type { en } from "./en.js";

type P = { readonly expected?: string; readonly received?: string; readonly detail?: string };

/** Cadences (Kỳ đánh giá) in words. */
const cadenceWords: Readonly<Record<string, string>> = { quarter: "quý", half: "6 tháng", year: "năm" };

/** What a missing-value marker leads to (missingMarker's detail keyword). */
const markerConsequence = (p: P): string =>
  ({
    indicator: "; chỉ số được tính là không báo cáo",
    field: "; trường này bị thiếu",
    profile: "; thiếu giá trị thông tin chung",
    absentAs: `; đọc thành ${p.expected}`,
  })[p.detail ?? ""] ?? "";

/** Why a number is not read (the value reader's problem codes). */
const numberProblem: Readonly<Record<string, string>> = {
  ambiguousNumber:
    "dấu chấm hoặc phẩy trước 3 chữ số có thể là phân cách hàng nghìn hoặc dấu thập phân; hãy viết 1000 hoặc 1.5, hoặc khai báo numberFormat trong tệp số liệu",
  inexactNumber: "số có nhiều chữ số hơn mức có thể lưu chính xác",
  numberFormatMismatch: "số được viết theo định dạng khác với numberFormat của tệp số liệu",
};

/** Vietnamese messages by issue code (same keys as `en`). */
export const vi: { [K in keyof typeof en]: (typeof en)[K] } = {
  $place: { catalog: "bộ chỉ số", row: "dòng", unit: "đơn vị", period: "kỳ", indicator: "chỉ số", field: "trường" },
  yamlSyntax: (p: P) => `lỗi cú pháp YAML/JSON: ${p.detail}`,
  catalogSchema: (p: P) => `bộ chỉ số không hợp lệ: ${p.detail}`,
  unknownCatalog: (p: P) =>
    `không có bộ chỉ số "${p.received}" (có sẵn: ${p.expected})${p.detail !== undefined ? `: hãy truyền nó qua options.catalogs, import { catalog } from "${p.detail}", hoặc dùng getCatalog (gói kèm mọi bộ chỉ số có sẵn)` : ""}`,
  structureOnly: () => "bộ chỉ số này chỉ có cấu trúc: văn bản nguồn không công bố cách tính điểm nên không thể chấm điểm",
  robustnessNeedsPoints: (p: P) =>
    `độ vững của xếp hạng so sánh tổng điểm; bộ chỉ số này chấm theo ${p.received} (bộ chỉ số theo mức không khai báo cách đọc cho chỉ số)`,
  duplicateCode: (p: P) => `mã ${p.received} xuất hiện nhiều lần`,
  unknownInput: (p: P) => `công thức dùng biến "${p.received}" mà chỉ số không khai báo`,
  nestedPeerFormula: (p: P) =>
    `công thức "${p.received}" so sánh các đơn vị với nhau nên không thể nằm trong công thức khác (sẽ chỉ so với chính nó)`,
  badReference: (p: P) => `biến tham chiếu "${p.received}" không tồn tại (${p.detail})`,
  missingFormula: () => "chỉ số được chấm điểm nhưng không có công thức",
  missingMax: () => "chỉ số được chấm điểm nhưng không có điểm tối đa",
  // issue 10: catalog checks
  badMax: (p: P) => `điểm tối đa phải là số lớn hơn 0, nhận được ${p.received}`,
  formulaOnGroup: () =>
    "nhóm (chỉ số có chỉ số con) được tính bằng tổng các chỉ số con: công thức viết trên nhóm sẽ không bao giờ được dùng",
  nonNumericInput: (p: P) =>
    `biến "${p.detail}" có kiểu ${p.received}: chỉ số liệu (count, number, amount, share, percent) mới được so sánh, cộng hoặc chia`,
  ratioNeedsShare: (p: P) =>
    `công thức tỷ lệ nhân biến "${p.detail}" với điểm tối đa nên biến phải là tỷ lệ từ 0 đến 1 (type: share, hoặc type: percent với points: điểm tối đa/100); biến đang có kiểu ${p.received}`,
  outOfDomain: (p: P) => `${p.received} nằm ngoài miền giá trị của đại lượng được đo (${p.expected})`,
  bandEmpty: (p: P) => `không giá trị nào rơi vào khoảng này (${p.detail}): cận bị đảo ngược hoặc nằm ngoài miền giá trị`,
  bandsOverlap: (p: P) =>
    `khoảng này chồng lên khoảng ${p.received}: khoảng đầu tiên thỏa mãn được chọn nên một phần của khoảng này không bao giờ được dùng`,
  bandShadowed: (p: P) => `khoảng này nằm trọn trong khoảng ${p.received} đứng trước nó: không bao giờ được dùng`,
  bandsUnordered: () => "các khoảng phải được liệt kê theo thứ tự cận (cùng tăng dần hoặc cùng giảm dần)",
  shareOutOfRange: (p: P) => `tỷ lệ của điểm tối đa phải từ 0 đến 1, nhận được ${p.received}`,
  pointsOutOfRange: (p: P) => `số điểm phải từ 0 đến điểm tối đa (${p.expected}), nhận được ${p.received}`,
  itemsAboveMax: (p: P) => `tổng điểm các mục là ${p.received}, vượt điểm tối đa ${p.expected}`,
  badItemPoints: (p: P) => `điểm cho mỗi mục phải lớn hơn 0, nhận được ${p.received}`,
  partsAboveMax: (p: P) => `tổng điểm tối đa của các phần là ${p.received}, vượt điểm tối đa ${p.expected}`,
  wrongScoringFormula: (p: P) => `công thức "${p.received}" không dùng được trong bộ chỉ số có scoring: ${p.expected}`,
  referenceChain: (p: P) =>
    `biến lấy giá trị từ ${p.received}, mà biến này lại lấy từ nơi khác (${p.detail}): chương trình chỉ đọc một bước nên biến luôn thiếu số liệu; hãy lấy trực tiếp từ ${p.expected}`,
  referenceCycle: (p: P) => `các tham chiếu "from" tạo thành vòng lặp: ${p.detail}`,
  referenceType: (p: P) => `biến kiểu ${p.expected} lấy giá trị từ ${p.detail}, có kiểu ${p.received}`,
  levelsDecreasing: (p: P) => `yêu cầu ${p.received} thấp hơn yêu cầu của mức dưới (${p.expected}): yêu cầu không được giảm khi mức tăng`,
  badChildCatalog: (p: P) => `bộ chỉ số con "${p.received}" ${p.detail}`,
  unusedInput: (p: P) => `biến "${p.received}" được khai báo nhưng công thức không dùng`,
  unknownChildCatalog: (p: P) => `bộ chỉ số con "${p.received}" chưa được đăng ký; cần truyền vào khi chấm điểm (options.catalogs)`,
  childrenSum: (p: P) => `tổng điểm các chỉ số con khác điểm tối đa: ${p.detail}`,
  codeOrder: (p: P) => `mã không theo thứ tự của văn bản: ${p.detail}`,
  declaredMismatch: (p: P) => `cây chỉ số không khớp với số liệu văn bản công bố: ${p.detail}`,
  // issue 13: cách đọc các dòng mơ hồ
  zeroRangeNeedsMinmax: (p: P) =>
    `zeroRange chỉ dùng với mode minmax (mọi đơn vị bằng nhau: không có khoảng); công thức này có mode ${p.received}`,
  readingsUnsupported: (p: P) => `bộ chỉ số có scoring: ${p.received} không khai báo được điều này trong cách đọc của chỉ số`,
  duplicateReading: (p: P) => `mã cách đọc "${p.received}" xuất hiện nhiều lần`,
  readingDefault: (p: P) => `phải có đúng một cách đọc mặc định (chỉ số như đã mã hóa), có ${p.received} trong ${p.expected}`,
  singleReading: (p: P) => `danh sách cách đọc cần cách đọc mặc định và ít nhất một cách khác, chỉ có ${p.received || "không có"}`,
  readingPatchOnDefault: (p: P) =>
    `cách đọc mặc định "${p.received}" là chỉ số như đã mã hóa nên không thay đổi gì; nó lại đặt ${p.detail} (hãy viết trên chỉ số)`,
  emptyReading: (p: P) =>
    `cách đọc "${p.received}" không thay đổi gì (cần formula, max, zeroDenominator, unscored, cadence, annualRule hoặc inputs; aggregate, pillarMeanOf hoặc zeroDenominator cho cả bộ chỉ số; hoặc đánh dấu encoded: false)`,
  unknownReadingNode: (p: P) => `không có chỉ số mã "${p.received}" trong bộ chỉ số (các chỉ số có cách đọc: ${p.expected})`,
  noReadings: (p: P) => `chỉ số ${p.received} không có cách đọc khác (các chỉ số có cách đọc: ${p.expected})`,
  unknownReading: (p: P) => `không có cách đọc "${p.received}" của ${p.detail} (các cách đọc: ${p.expected})`,
  readingUnknownInput: (p: P) =>
    `cách đọc "${p.detail}" thay biến "${p.received}" mà chỉ số không khai báo (cách đọc chỉ đổi cách diễn đạt hoặc nguồn của biến, không thêm biến)`,
  describedReadingPatch: (p: P) =>
    `cách đọc "${p.received}" chỉ được mô tả (encoded: false) nhưng lại đặt ${p.detail}: cách đọc mô tả không mang thay đổi nào và không là mặc định`,
  readingNotEncoded: (p: P) =>
    `cách đọc "${p.received}" của ${p.detail} mới được mô tả, chưa được mã hóa (định dạng bộ chỉ số chưa diễn đạt được): không chấm được theo cách đọc này (các cách đọc đã mã hóa: ${p.expected})`,
  readingNewInput: (p: P) =>
    `cách đọc "${p.detail}" dùng biến "${p.received}" mà công thức đã mã hóa không dùng: số liệu nhập theo cách đọc mặc định sẽ thiếu biến này (một bộ số liệu dùng cho mọi cách đọc)`,
  ambiguityWithoutReadings: (p: P) => `ghi chú đánh dấu chỗ mơ hồ nhưng không khai báo cách đọc: "${p.detail}"`,
  readingsSchema: (p: P) => `tệp cách đọc không hợp lệ: ${p.detail}`,
  readingsCatalogMismatch: (p: P) => `tệp cách đọc dành cho bộ chỉ số "${p.received}" nhưng bộ dữ liệu được chấm theo "${p.expected}"`,
  datasetSchema: (p: P) => `dữ liệu không hợp lệ: ${p.detail}`,
  catalogMismatch: (p: P) => `dữ liệu thuộc bộ chỉ số "${p.received}" nhưng được chấm theo "${p.expected}"`,
  unknownPeriod: (p: P) => `kỳ "${p.received}" không có trong danh sách kỳ (${p.expected})`,
  badPeriods: (p: P) => `kỳ đánh giá phải là Q1–Q4, H1–H2 hoặc Y, theo thứ tự, không lặp; nhận được ${p.received}`,
  duplicateUnit: (p: P) => `mã đơn vị "${p.received}" bị trùng`,
  unknownIndicator: (p: P) => `bộ chỉ số không có chỉ số mã "${p.received}"`,
  notALeaf: (p: P) => `"${p.received}" được tính từ các chỉ số con (${p.detail}); hãy nhập số liệu cho các chỉ số con`,
  unknownField: (p: P) => `trường "${p.received}" không tồn tại (cần: ${p.expected})`,
  fromField: (p: P) => `trường này lấy từ ${p.detail}; không nhập ở đây`,
  missingField: (p: P) => `thiếu trường (${p.detail})`,
  expectedCount: (p: P) => `cần một số nguyên ≥ 0, nhận được ${p.received}`,
  expectedNumber: (p: P) => `cần một số ≥ 0, nhận được ${p.received}`,
  expectedBoolean: (p: P) => `cần true hoặc false, nhận được ${p.received}`,
  expectedOption: (p: P) => `cần một trong ${p.expected}, nhận được ${p.received}`,
  expectedText: (p: P) =>
    `cần văn bản, nhận được ${p.received}${p.received !== undefined && /^-?[0-9]/.test(p.received) ? ' (hãy đặt trong dấu nháy: "…"; viết như số thì mất các chữ số 0 ở đầu và ở cuối)' : ""}`,
  expectedObject: (p: P) => `cần các trường ${p.expected} hoặc "n/a", nhận được ${p.received}`,
  numeratorExceedsDenominator: (p: P) => `tử số ${p.detail} = ${p.received} lớn hơn mẫu số = ${p.expected}`,
  unknownProfileField: (p: P) => `trường thông tin chung "${p.received}" không tồn tại (cần: ${p.expected})`,
  zeroDenominator: (p: P) => `mẫu số ${p.detail} bằng 0 và quy tắc của chỉ số này là "error"`,
  unknownParent: (p: P) => `đơn vị cấp trên "${p.received}" không có trong dữ liệu, cũng không được khai báo trong parents`,
  duplicateParent: (p: P) => `đơn vị cấp trên "${p.received}" được khai báo nhiều lần trong parents`,
  parentIsUnit: (p: P) =>
    `"${p.received}" vừa là đơn vị trong dữ liệu vừa được khai báo trong parents (parents chỉ gồm đơn vị cấp trên không được đánh giá trong dữ liệu này)`,
  parentNotAssessed: (p: P) =>
    `đơn vị cấp trên "${p.received}" chỉ được khai báo trong parents: dữ liệu có đơn vị của ${p.expected}, nên cấp trên của đơn vị cấp dưới phải là một trong số đó`,
  unusedParent: (p: P) => `đơn vị cấp trên "${p.received}" được khai báo nhưng không là cấp trên của đơn vị nào`,
  badRegistered: (p: P) => `mức đăng ký phải từ 1 đến 5, nhận được ${p.received}`,
  wrongUnitCatalog: (p: P) =>
    `bộ chỉ số "${p.received}" của đơn vị không phải bộ chỉ số của dữ liệu hay bộ chỉ số cấp dưới (${p.expected})`,
  appraisalWithoutData: (p: P) => `${p.detail}`,
  derivedFromPrevious: (p: P) => `${p.detail}`,
  // issue 10: dataset reader
  duplicateKey: (p: P) =>
    `khóa "${p.received}" xuất hiện nhiều lần${p.detail !== undefined ? ` (tại ${p.detail})` : ""}: không biết giá trị nào được dùng`,
  inexactNumber: (p: P) =>
    `${p.received}${p.detail !== undefined ? ` (tại ${p.detail})` : ""} không thể giữ chính xác (quá 40 chữ số có nghĩa, hoặc số nguyên vượt 2^53); hãy ghi dưới dạng chuỗi hoặc làm tròn`,
  yamlNumberForm: (p: P) =>
    `${p.received}${p.detail !== undefined ? ` (tại ${p.detail})` : ""} được YAML đọc thành ${p.expected}: hãy viết số bằng chữ số thông thường (1000, 0.5), hoặc đặt trong dấu nháy nếu là văn bản`,
  ambiguousNumber: (p: P) =>
    `${p.received}${p.detail !== undefined ? ` (tại ${p.detail})` : ""} không rõ nghĩa: là dấu phân cách hàng nghìn theo một định dạng số, là dấu thập phân theo định dạng kia; hãy khai báo numberFormat: vi (1.000 = một nghìn, 1,5 = một phẩy năm) hoặc en (1,000 = một nghìn, 1.5 = một phẩy năm) trong bộ số liệu`,
  numberFormatMismatch: (p: P) =>
    `${p.received} được ghi theo định dạng số ${p.detail}, nhưng bộ số liệu khai báo numberFormat: ${p.expected}`,
  expectedShare: (p: P) =>
    `cần một tỷ lệ từ 0 đến 1 (0,85 = 85%), nhận được ${p.received}${p.detail !== undefined ? `; hãy ghi ${p.detail}` : ""}`,
  expectedPercent: (p: P) => `cần một tỷ lệ phần trăm từ 0 đến 100, nhận được ${p.received}`,
  optionByLabel: (p: P) => `lựa chọn được ghi bằng nhãn ${p.received}, đọc thành mã "${p.expected}"`,
  numberAsText: (p: P) => `số được ghi dạng văn bản ${p.received}, đọc thành ${p.expected}`,
  notDue: (p: P) =>
    `chỉ số ${p.detail} được đánh giá theo ${cadenceWords[p.expected ?? ""] ?? p.expected}; số liệu kỳ ${p.received} không được dùng`,
  missingMarker: (p: P) =>
    `${p.received} được đọc là thiếu số liệu (không phải "không áp dụng": hãy ghi n/a hoặc "không áp dụng" cho trường hợp đó)${markerConsequence(p)}`,
  missingProfileField: (p: P) => `thiếu trường thông tin chung ${p.received}; (các) chỉ số ${p.detail} có số liệu cần trường này`,
  missingParent: (p: P) => `đơn vị thuộc bộ chỉ số ${p.received} cần đơn vị cấp trên: một đơn vị thuộc ${p.expected}`,
  parentWrongLevel: (p: P) => `đơn vị cấp trên "${p.received}" thuộc ${p.detail}; cần ${p.expected}`,
  parentCycle: (p: P) => `quan hệ cấp trên tạo thành vòng lặp: ${p.detail}`,
  parentRejected: (p: P) => `đơn vị cấp trên "${p.received}" bị loại vì lỗi của chính nó: đơn vị này bị loại theo`,
  lineageMerge: (p: P) =>
    `bảng kế thừa đơn vị gán ${p.received} cùng vào một đơn vị ${p.expected}: không ghép được một sáp nhập theo từng đơn vị (mỗi mã năm sau chỉ một mã năm trước)`,
  periodGap: (p: P) =>
    `các kỳ ${p.received} bỏ sót ${p.detail}: chỉ số đánh giá theo ${p.expected} sẽ chỉ được tính trung bình trên các kỳ đã có`,
  usage: (p: P) => `${p.detail}`,
  fileNotFound: (p: P) => `không có tệp ${p.received}`,
  unknownUnit: (p: P) => `${p.detail ? `${p.detail} ` : ""}${p.received}: không có đơn vị này (các đơn vị: ${p.expected})`,
  noParents: (p: P) =>
    p.detail === "levels"
      ? "tổng hợp theo đơn vị cấp trên cộng tổng điểm: bộ chỉ số xếp mức không có tổng điểm (bảng của nó đã đếm số đơn vị theo mức và đơn vị cấp trên)"
      : `tổng hợp theo đơn vị cấp trên cần các đơn vị có đơn vị cấp trên; không đơn vị nào trong ${p.received} đơn vị có`,
  badOverride: (p: P) => `không đọc được thay đổi "${p.received}": ${p.detail} (cần dạng ĐƠNVỊ.KỲ.MÃ[.TRƯỜNG]=GIÁTRỊ)`,
  // issue 10: CSV and roster
  rosterDuplicateId: (p: P) => `mã đơn vị "${p.received}" xuất hiện nhiều lần trong danh sách đơn vị (${p.detail})`,
  rosterDuplicateName: (p: P) => `danh sách đơn vị đặt tên ${p.detail} là "${p.received}"`,
  rosterUnknownUnit: (p: P) =>
    `mã đơn vị "${p.received}" không có trong danh sách đơn vị${p.expected !== undefined ? `; có phải là "${p.expected}"?` : ""}${p.detail !== undefined ? ` (${p.detail})` : ""}`,
  rosterUnitWithoutData: (p: P) => `đơn vị "${p.received}" (${p.detail}) trong danh sách không có số liệu`,
  rosterNameMismatch: (p: P) => `đơn vị có tên "${p.received}" trong số liệu nhưng tên "${p.expected}" trong danh sách đơn vị`,
  sameUnitName: (p: P) => `các đơn vị ${p.detail} trùng tên "${p.received}": một đơn vị ghi hai mã?`,
  confusableUnitIds: (p: P) =>
    `mã đơn vị "${p.received}" và "${p.expected}" chỉ khác nhau ở ký tự trông giống nhau (O/0, I/l/1): một đơn vị gõ hai cách?`,
  sparseUnit: (p: P) =>
    `đơn vị có ${p.received} giá trị đã điền, dưới một phần tư trung vị ${p.expected} của ${p.detail}: mất dòng hay gõ sai mã đơn vị?`,
  // issue 10: CLI and outputs
  notAFile: () => "là một thư mục, không phải tệp",
  unreadableFile: (p: P) => `không đọc được tệp: ${p.detail}`,
  notUtf8: (p: P) =>
    `không phải văn bản UTF-8 (${p.received ?? `byte không hợp lệ ở dòng ${p.detail}`}); hãy lưu tệp dạng UTF-8 (trong Excel: "CSV UTF-8")`,
  overrideNumber: (p: P) => `không đọc được số trong thay đổi "${p.received}": ${numberProblem[p.detail ?? ""] ?? "không phải là số"}`,
  // issue 12: an option the chosen output has no use for
  optionNotForFormat: (p: P) =>
    `${p.received} dùng với --format ${p.expected}; định dạng ${p.detail} không hiện thông tin từng chỉ số (điểm mọi chỉ số: --format csv; cách tính: dti explain)`,
};
