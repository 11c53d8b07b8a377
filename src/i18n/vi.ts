import type { en } from "./en.js";

type P = { readonly expected?: string; readonly received?: string; readonly detail?: string };

/** Vietnamese messages by issue code (same keys as `en`). */
export const vi: { [K in keyof typeof en]: (typeof en)[K] } = {
  $place: { catalog: "bộ chỉ số", unit: "đơn vị", period: "kỳ", indicator: "chỉ số", field: "trường" },
  yamlSyntax: (p: P) => `lỗi cú pháp YAML/JSON: ${p.detail}`,
  catalogSchema: (p: P) => `bộ chỉ số không hợp lệ: ${p.detail}`,
  unknownCatalog: (p: P) =>
    `không có bộ chỉ số "${p.received}" (có sẵn: ${p.expected})${p.detail !== undefined ? `: hãy truyền nó qua options.catalogs, import { catalog } from "${p.detail}", hoặc dùng getCatalog (gói kèm mọi bộ chỉ số có sẵn)` : ""}`,
  structureOnly: () => "bộ chỉ số này chỉ có cấu trúc: văn bản nguồn không công bố cách tính điểm nên không thể chấm điểm",
  duplicateCode: (p: P) => `mã ${p.received} xuất hiện nhiều lần`,
  unknownInput: (p: P) => `công thức dùng biến "${p.received}" mà chỉ số không khai báo`,
  nestedPeerFormula: (p: P) =>
    `công thức "${p.received}" so sánh các đơn vị với nhau nên không thể nằm trong công thức khác (sẽ chỉ so với chính nó)`,
  badReference: (p: P) => `biến tham chiếu "${p.received}" không tồn tại (${p.detail})`,
  missingFormula: () => "chỉ số được chấm điểm nhưng không có công thức",
  missingMax: () => "chỉ số được chấm điểm nhưng không có điểm tối đa",
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
  expectedText: (p: P) => `cần văn bản, nhận được ${p.received}`,
  expectedObject: (p: P) => `cần các trường ${p.expected} hoặc "n/a", nhận được ${p.received}`,
  numeratorExceedsDenominator: (p: P) => `tử số ${p.detail} = ${p.received} lớn hơn mẫu số = ${p.expected}`,
  unknownProfileField: (p: P) => `trường thông tin chung "${p.received}" không tồn tại (cần: ${p.expected})`,
  zeroDenominator: (p: P) => `mẫu số ${p.detail} bằng 0 và quy tắc của chỉ số này là "error"`,
  unknownParent: (p: P) => `đơn vị cấp trên "${p.received}" không có trong dữ liệu`,
  badRegistered: (p: P) => `mức đăng ký phải từ 1 đến 5, nhận được ${p.received}`,
  wrongUnitCatalog: (p: P) =>
    `bộ chỉ số "${p.received}" của đơn vị không phải bộ chỉ số của dữ liệu hay bộ chỉ số cấp dưới (${p.expected})`,
  appraisalWithoutData: (p: P) => `${p.detail}`,
  derivedFromPrevious: (p: P) => `${p.detail}`,
  usage: (p: P) => `${p.detail}`,
  fileNotFound: (p: P) => `không có tệp ${p.received}`,
  unknownCommand: (p: P) => `không có lệnh "${p.received}" (các lệnh: ${p.expected})`,
  unknownOption: (p: P) => `lệnh dti ${p.detail} không có tuỳ chọn ${p.received} (các tuỳ chọn: ${p.expected})`,
  badValue: (p: P) => `${p.detail} phải là một trong ${p.expected}; nhận được ${p.received}`,
  badInteger: (p: P) => `${p.detail} phải là số nguyên; nhận được ${p.received}`,
  missingValue: (p: P) => `tuỳ chọn ${p.received} cần một giá trị (${p.expected})`,
  missingOption: (p: P) => `lệnh dti ${p.detail} cần ${p.received}`,
  missingArgument: (p: P) => `lệnh dti ${p.detail} cần ${p.received}`,
  tooManyArguments: (p: P) => `lệnh dti ${p.detail} nhận ${p.expected}; nhận được ${p.received} tham số`,
  unknownUnit: (p: P) => `${p.detail ? `${p.detail} ` : ""}${p.received}: không có đơn vị này (các đơn vị: ${p.expected})`,
  unknownCode: (p: P) => `${p.detail ? `${p.detail} ` : ""}${p.received}: bộ chỉ số ${p.expected} không có chỉ số này`,
  badOverride: (p: P) => `không đọc được thay đổi "${p.received}": ${p.detail} (cần dạng ĐƠNVỊ.KỲ.MÃ[.TRƯỜNG]=GIÁTRỊ)`,
  catalogsDiffer: (p: P) => `hai tệp số liệu dùng hai bộ chỉ số khác nhau (${p.received})`,
  csvNeedsCatalog: () => "tệp số liệu CSV cần --catalog mã|tệp",
  // issue 10: CLI and outputs
  notAFile: () => "là một thư mục, không phải tệp",
  unreadableFile: (p: P) => `không đọc được tệp: ${p.detail}`,
  notUtf8: (p: P) =>
    `không phải văn bản UTF-8 (${p.received ?? `byte không hợp lệ ở dòng ${p.detail}`}); hãy lưu tệp dạng UTF-8 (trong Excel: "CSV UTF-8")`,
  unwritableFile: (p: P) => `không ghi được tệp: ${p.detail}`,
  overrideNumber: (p: P) =>
    `không đọc được số trong thay đổi "${p.received}": ${
      p.detail === "ambiguousNumber"
        ? "dấu chấm hoặc phẩy trước 3 chữ số có thể là phân cách hàng nghìn hoặc dấu thập phân; hãy viết 1000 hoặc 1.5, hoặc khai báo numberFormat trong tệp số liệu"
        : p.detail === "inexactNumber"
          ? "số có nhiều chữ số hơn mức có thể lưu chính xác"
          : p.detail === "numberFormatMismatch"
            ? "số được viết theo định dạng khác với numberFormat của tệp số liệu"
            : "không phải là số"
    }`,
  duplicateOverride: (p: P) => `thay đổi "${p.received}" đặt lại ${p.expected}: mỗi số liệu chỉ được một giá trị`,
};
