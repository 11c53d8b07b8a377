// Messages of the problems only the Excel workbook reader and writer raise (dti-engine/xlsx), and
// the words a workbook shows (the "Hướng dẫn" sheet, the report's sheets). Apart from files.ts so
// that neither the core nor the CSV reader carries them; src/io/xlsx.ts registers them.

type P = { readonly expected?: string; readonly received?: string; readonly detail?: string };

/** English messages of the workbook reader, by issue code. */
export const en = {
  xlsxUnreadable: (p: P) => `not an Excel workbook (.xlsx) that can be read: ${p.detail}`,
  xlsxNotATemplate: () =>
    'the workbook has no "_meta" sheet: it was not made by dti template --format xlsx (its columns cannot be trusted)',
  xlsxOtherCatalog: (p: P) => `the workbook was made for the catalog ${p.received}, not ${p.expected}`,
  xlsxFormatVersion: (p: P) => `the workbook's format version is ${p.received}; this version of dti reads ${p.expected}`,
  xlsxMissingSheet: (p: P) => `the sheet of period ${p.received} is missing (the template has the sheets ${p.expected})`,
  xlsxUnknownSheet: (p: P) =>
    `the sheet "${p.received}" holds values but is not a period sheet (${p.expected}) nor "Hướng dẫn": its values would be ignored`,
  xlsxMissingKey: (p: P) => `row 3 of the sheet has no key "${p.received}" (row 3 holds the machine-readable keys; do not edit it)`,
  xlsxDuplicateKey: (p: P) => `the key "${p.received}" appears twice in row 3 (${p.detail}); which column holds the data cannot be told`,
  xlsxNoKey: (p: P) => `the cell holds "${p.received}" but its column has no key in row 3`,
  xlsxDateCell: (p: P) => `the cell holds a date (${p.received}); a date is never read as a number or a text`,
  xlsxFormulaNoResult: (p: P) =>
    `the cell holds the formula ${p.received} without a saved result (save the workbook in Excel or LibreOffice so that it is calculated)`,
  xlsxFormulaRounded: (p: P) =>
    `the formula's stored result ${p.received} is read as ${p.expected}, to Excel's 15 significant digits (what the cell shows and Excel compares)`,
  xlsxPercentCell: (p: P) =>
    `the cell is formatted as a percentage (${p.received}) but the field is ${p.expected}, not a share or a percentage: which number is meant cannot be told`,
  xlsxNeedsFile: (p: P) => `an Excel workbook is binary: give -o <file>.xlsx (${p.detail})`,
} as const;

/** Vietnamese messages of the workbook reader (same keys as `en`). */
export const vi: { [K in keyof typeof en]: (typeof en)[K] } = {
  xlsxUnreadable: (p: P) => `không đọc được tệp Excel (.xlsx): ${p.detail}`,
  xlsxNotATemplate: () =>
    'tệp Excel không có trang "_meta": tệp không được tạo bằng dti template --format xlsx (không thể tin cậy các cột của tệp)',
  xlsxOtherCatalog: (p: P) => `tệp Excel được tạo cho bộ chỉ số ${p.received}, không phải ${p.expected}`,
  xlsxFormatVersion: (p: P) => `phiên bản định dạng của tệp Excel là ${p.received}; phiên bản dti này đọc ${p.expected}`,
  xlsxMissingSheet: (p: P) => `thiếu trang của kỳ ${p.received} (mẫu có các trang ${p.expected})`,
  xlsxUnknownSheet: (p: P) =>
    `trang "${p.received}" có số liệu nhưng không phải trang của một kỳ (${p.expected}) hay trang "Hướng dẫn": số liệu của trang sẽ bị bỏ qua`,
  xlsxMissingKey: (p: P) => `dòng 3 của trang không có khoá "${p.received}" (dòng 3 chứa các khoá cho máy đọc; không sửa dòng này)`,
  xlsxDuplicateKey: (p: P) => `khoá "${p.received}" xuất hiện hai lần ở dòng 3 (${p.detail}); không biết cột nào chứa số liệu`,
  xlsxNoKey: (p: P) => `ô ghi "${p.received}" nhưng cột của ô không có khoá ở dòng 3`,
  xlsxDateCell: (p: P) => `ô chứa một ngày tháng (${p.received}); ngày tháng không bao giờ được đọc thành số hay chữ`,
  xlsxFormulaNoResult: (p: P) =>
    `ô chứa công thức ${p.received} nhưng chưa lưu kết quả (hãy mở và lưu tệp bằng Excel hoặc LibreOffice để công thức được tính)`,
  xlsxFormulaRounded: (p: P) =>
    `kết quả lưu của công thức ${p.received} được đọc là ${p.expected}, theo 15 chữ số có nghĩa của Excel (như ô hiển thị và Excel so sánh)`,
  xlsxPercentCell: (p: P) =>
    `ô được định dạng phần trăm (${p.received}) nhưng trường có kiểu ${p.expected}, không phải tỷ lệ hay phần trăm: không biết số nào được ghi`,
  xlsxNeedsFile: (p: P) => `tệp Excel là tệp nhị phân: hãy dùng -o <tệp>.xlsx (${p.detail})`,
};

/** Both languages, for registerMessages. */
export const xlsxMessages = { en, vi } as const;

/**
 * Words of the workbooks (data, in Vietnamese, as the documents): sheet names, header labels and
 * the fill-in instructions of the template's "Hướng dẫn" sheet.
 */
export const xlsxWords = {
  guideSheet: "Hướng dẫn",
  unitGroup: "Đơn vị",
  ownGroup: "Thông tin đơn vị (điền ở trang kỳ đầu)",
  unitId: "Mã đơn vị",
  unitName: "Tên đơn vị",
  registered: "Mức đăng ký (1–5; bỏ trống nếu không đăng ký)",
  parent: "Mã đơn vị cấp trên (bỏ trống nếu không có)",
  year: "Năm đánh giá",
  yes: "Có",
  no: "Không",
  guideTitle: (title: string, id: string, document: string) => `${title} (${id}) — ${document}`,
  instructions: [
    "Cách điền:",
    "1. Mỗi kỳ đánh giá một trang (Q1–Q4: quý; Y: cả năm). Mỗi đơn vị một dòng, mỗi số liệu đầu vào một cột.",
    "2. Dòng 1 là mã và tên chỉ số, dòng 2 là tên số liệu, dòng 3 là khoá cho máy đọc: không sửa ba dòng này, không đổi tên trang.",
    "3. Có/Không, các lựa chọn: chọn trong danh sách của ô. Số lượng: số nguyên không âm. Số tiền: số thập phân (triệu đồng nếu không ghi khác).",
    "4. Tỷ lệ (share): ô định dạng phần trăm, gõ 85% (hoặc 0,85). Phần trăm (percent): gõ số từ 0 đến 100.",
    '5. Bỏ trống = chưa có số liệu (0 điểm). Ghi n/a hoặc "không áp dụng" nếu chỉ số không áp dụng với đơn vị.',
    "6. Mức đăng ký, đơn vị cấp trên và thông tin đơn vị (nếu có) điền ở trang kỳ đầu tiên.",
    '7. Điền năm đánh giá vào ô bên cạnh "Năm đánh giá" nếu ô còn trống. Chấm điểm: dti score <tệp>.xlsx',
  ],
  indicatorHeaders: ["Mã", "Tên chỉ số", "Điểm tối đa", "Phương pháp tính", "Tài liệu kiểm chứng", "Kỳ đánh giá", "Cách tính cả năm"],
  report: {
    ranking: "Xếp hạng",
    byIndicator: "Điểm theo chỉ số",
    lost: "Điểm bị mất",
    criteria: "Tiêu chí",
    warnings: "Cảnh báo",
    rejected: "Đơn vị bị loại",
    rank: "Hạng",
    unitId: "Mã đơn vị",
    unitName: "Tên đơn vị",
    parent: "Đơn vị cấp trên",
    total: "Tổng điểm",
    max: "Điểm tối đa",
    level: "Mức đạt",
    levelName: "Tên mức",
    registered: "Mức đăng ký",
    recognised: "Công nhận",
    code: "Mã",
    message: "Nội dung",
    place: "Vị trí",
  },
} as const;
