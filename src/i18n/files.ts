// Messages of the problems only the file readers (CSV, roster files) and the command line raise.
// They live apart from en.ts / vi.ts so that an app using score() and loadCatalog does not carry
// them; the modules that raise them register them (registerMessages in errors.ts) when loaded.

type P = { readonly expected?: string; readonly received?: string; readonly detail?: string };

/** English messages of the file readers and the command line, by issue code. */
export const en = {
  unknownCommand: (p: P) => `unknown command "${p.received}" (commands: ${p.expected})`,
  unknownOption: (p: P) => `unknown option ${p.received} for dti ${p.detail} (options: ${p.expected})`,
  badValue: (p: P) => `${p.detail} must be one of ${p.expected}; got ${p.received}`,
  badInteger: (p: P) => `${p.detail} must be a whole number; got ${p.received}`,
  missingValue: (p: P) => `option ${p.received} needs a value (${p.expected})`,
  missingOption: (p: P) => `dti ${p.detail} needs ${p.received}`,
  missingArgument: (p: P) => `dti ${p.detail} needs ${p.received}`,
  tooManyArguments: (p: P) => `dti ${p.detail} takes ${p.expected}; got ${p.received} arguments`,
  unknownCode: (p: P) => `${p.detail ? `${p.detail} ` : ""}${p.received}: no such indicator in ${p.expected}`,
  catalogsDiffer: (p: P) => `the two datasets use different catalogs (${p.received})`,
  csvNeedsCatalog: () => "a CSV dataset needs --catalog id|path",
  streamHeader: (p: P) =>
    `the first line of a JSON Lines dataset is its header {catalog, year, periods[, numberFormat, roster, parents]}, then one unit per line: ${p.detail}`,
  streamSyntax: (p: P) => `JSON syntax error: ${p.detail}`,
  csvSyntax: (p: P) => `CSV syntax error: ${p.detail}`,
  csvDuplicateColumn: (p: P) =>
    `column "${p.received}" appears more than once in the header (${p.detail}); which one holds the data cannot be told`,
  csvMissingColumn: (p: P) => `missing column "${p.received}" (a filled template has the columns ${p.expected})`,
  csvRowShape: (p: P) => `the row has ${p.received} cells but the header has ${p.expected} columns`,
  csvMissingYear: (p: P) => `no year (${p.detail}): the year is never guessed; fill the year column`,
  csvBadYear: (p: P) => `year must be a whole number from ${p.expected}; got "${p.received}"`,
  csvConflictingYears: (p: P) => `the file gives more than one year (${p.detail}); one CSV holds one year`,
  csvMissingUnitId: (p: P) => `the row gives the value "${p.received}" but no unit_id`,
  csvMissingUnitName: () => "no row of this unit gives its unit_name",
  csvConflictingUnitName: (p: P) => `unit_name "${p.received}" differs from "${p.expected}" given in ${p.detail}; one name per unit id`,
  csvMissingPeriod: () => "the row gives an indicator value but no period",
  csvDuplicateRow: (p: P) =>
    `the row repeats ${p.detail} (same unit, period, code and field, same value "${p.received}"); remove one of them`,
  csvConflictingValues: (p: P) =>
    `the row gives "${p.received}" but ${p.detail} gives "${p.expected}" for the same unit, period, code and field; which one holds cannot be told`,
  csvNotApplicableMixed: (p: P) =>
    `the row gives the value "${p.received}" but ${p.detail} marks the indicator "n/a" (not applicable) in the same period`,
  csvAmbiguousNumber: (p: P) =>
    `"${p.received}" is ambiguous: ${p.detail}; declare the number format (numberFormat vi: 1.000 is one thousand; en: 1,000 is one thousand)`,
  csvNumberFormatMismatch: (p: P) => `"${p.received}" is not written in the declared number format ${p.expected} (${p.detail})`,
  csvNotANumber: (p: P) => `expected a number, got "${p.received}"`,
  csvInexactNumber: (p: P) => `"${p.received}" has more than ${p.expected} significant digits, more than the engine holds exactly`,
  csvMissingMarker: (p: P) =>
    `${p.received} value(s) hold a missing-value marker (NA, N/A, #N/A, na) and are read as not reported, not as not applicable (only "n/a" or "không áp dụng" mean that): ${p.detail}`,
  csvEmptyValues: (p: P) => `${p.received} row(s) have an empty value and are read as not reported: ${p.detail}`,
  csvUnknownUnitField: (p: P) => `"${p.received}" is not a field of a unit row (code "unit"); the fields are ${p.expected}`,
  csvUnknownColumn: (p: P) =>
    `column "${p.received}" is not an input of the catalog ${p.detail}${p.expected ? ` (its columns: ${p.expected})` : " (wide columns: year, unit_id, unit_name, period, <code>.<field>, profile.<field>)"}`,
  csvDuplicateUnitRow: (p: P) =>
    `unit ${p.received} has a row for this period already (${p.detail}); a wide CSV has one row per unit and period`,
  csvExcelDecimalComma: (p: P) =>
    `${p.received} value(s) like "1,500" are read with a decimal comma (1.5) because the file has a BOM and ";" separators, as dti --excel writes; give --numbers to declare the format: ${p.detail}`,
  rosterSchema: (p: P) => `invalid roster: ${p.detail}`,
  unwritableFile: (p: P) => `cannot write the file: ${p.detail}`,
  duplicateOverride: (p: P) => `the change "${p.received}" sets ${p.expected} again: give each input one value`,
  noMatchingUnit: (p: P) => `${p.detail} "${p.received}": no unit's id or name contains it (units: ${p.expected})`,
  optionFormat: (p: P) => `${p.detail} cannot be used with --format ${p.received} (use --format ${p.expected})`,
  badReadingOption: (p: P) => `--reading ${p.received}: expected CODE=ID, e.g. 7.1=asWritten`,
} as const;

/** Vietnamese messages of the file readers and the command line (same keys as `en`). */
export const vi: { [K in keyof typeof en]: (typeof en)[K] } = {
  unknownCommand: (p: P) => `không có lệnh "${p.received}" (các lệnh: ${p.expected})`,
  unknownOption: (p: P) => `lệnh dti ${p.detail} không có tuỳ chọn ${p.received} (các tuỳ chọn: ${p.expected})`,
  badValue: (p: P) => `${p.detail} phải là một trong ${p.expected}; nhận được ${p.received}`,
  badInteger: (p: P) => `${p.detail} phải là số nguyên; nhận được ${p.received}`,
  missingValue: (p: P) => `tuỳ chọn ${p.received} cần một giá trị (${p.expected})`,
  missingOption: (p: P) => `lệnh dti ${p.detail} cần ${p.received}`,
  missingArgument: (p: P) => `lệnh dti ${p.detail} cần ${p.received}`,
  tooManyArguments: (p: P) => `lệnh dti ${p.detail} nhận ${p.expected}; nhận được ${p.received} tham số`,
  unknownCode: (p: P) => `${p.detail ? `${p.detail} ` : ""}${p.received}: bộ chỉ số ${p.expected} không có chỉ số này`,
  catalogsDiffer: (p: P) => `hai tệp số liệu dùng hai bộ chỉ số khác nhau (${p.received})`,
  csvNeedsCatalog: () => "tệp số liệu CSV cần --catalog mã|tệp",
  streamHeader: (p: P) =>
    `dòng đầu của tệp số liệu JSON Lines là phần đầu {catalog, year, periods[, numberFormat, roster, parents]}, sau đó mỗi dòng một đơn vị: ${p.detail}`,
  streamSyntax: (p: P) => `lỗi cú pháp JSON: ${p.detail}`,
  csvSyntax: (p: P) => `lỗi cú pháp CSV: ${p.detail}`,
  csvDuplicateColumn: (p: P) => `cột "${p.received}" xuất hiện nhiều lần ở dòng tiêu đề (${p.detail}); không biết cột nào chứa số liệu`,
  csvMissingColumn: (p: P) => `thiếu cột "${p.received}" (mẫu đã điền có các cột ${p.expected})`,
  csvRowShape: (p: P) => `dòng có ${p.received} ô nhưng dòng tiêu đề có ${p.expected} cột`,
  csvMissingYear: (p: P) => `không có năm (${p.detail}): năm không bao giờ được đoán; hãy điền cột year`,
  csvBadYear: (p: P) => `năm phải là số nguyên từ ${p.expected}; nhận được "${p.received}"`,
  csvConflictingYears: (p: P) => `tệp ghi nhiều năm khác nhau (${p.detail}); mỗi tệp CSV chỉ chứa một năm`,
  csvMissingUnitId: (p: P) => `dòng có giá trị "${p.received}" nhưng không có unit_id`,
  csvMissingUnitName: () => "không dòng nào của đơn vị này ghi unit_name",
  csvConflictingUnitName: (p: P) => `unit_name "${p.received}" khác với "${p.expected}" ở ${p.detail}; mỗi mã đơn vị chỉ có một tên`,
  csvMissingPeriod: () => "dòng có giá trị chỉ số nhưng không có kỳ (period)",
  csvDuplicateRow: (p: P) => `dòng lặp lại ${p.detail} (cùng đơn vị, kỳ, mã và trường, cùng giá trị "${p.received}"); hãy xóa một dòng`,
  csvConflictingValues: (p: P) =>
    `dòng ghi "${p.received}" nhưng ${p.detail} ghi "${p.expected}" cho cùng đơn vị, kỳ, mã và trường; không biết giá trị nào đúng`,
  csvNotApplicableMixed: (p: P) => `dòng ghi giá trị "${p.received}" nhưng ${p.detail} ghi chỉ số là "n/a" (không áp dụng) trong cùng kỳ`,
  csvAmbiguousNumber: (p: P) =>
    `"${p.received}" không rõ nghĩa: ${p.detail}; hãy khai báo định dạng số (numberFormat vi: 1.000 là một nghìn; en: 1,000 là một nghìn)`,
  csvNumberFormatMismatch: (p: P) => `"${p.received}" không viết theo định dạng số đã khai báo ${p.expected} (${p.detail})`,
  csvNotANumber: (p: P) => `cần một số, nhận được "${p.received}"`,
  csvInexactNumber: (p: P) => `"${p.received}" có hơn ${p.expected} chữ số có nghĩa, nhiều hơn mức máy tính giữ chính xác`,
  csvMissingMarker: (p: P) =>
    `${p.received} giá trị ghi dấu thiếu số liệu (NA, N/A, #N/A, na) và được coi là chưa báo cáo, không phải không áp dụng (chỉ "n/a" hoặc "không áp dụng" mang nghĩa đó): ${p.detail}`,
  csvEmptyValues: (p: P) => `${p.received} dòng để trống giá trị và được coi là chưa báo cáo: ${p.detail}`,
  csvUnknownUnitField: (p: P) => `"${p.received}" không phải trường của dòng đơn vị (mã "unit"); các trường là ${p.expected}`,
  csvUnknownColumn: (p: P) =>
    `cột "${p.received}" không phải số liệu đầu vào của bộ chỉ số ${p.detail}${p.expected ? ` (các cột của chỉ số: ${p.expected})` : " (các cột của tệp dạng rộng: year, unit_id, unit_name, period, <mã>.<trường>, profile.<trường>)"}`,
  csvDuplicateUnitRow: (p: P) =>
    `đơn vị ${p.received} đã có một dòng cho kỳ này (${p.detail}); tệp CSV dạng rộng có một dòng cho mỗi đơn vị và kỳ`,
  csvExcelDecimalComma: (p: P) =>
    `${p.received} giá trị dạng "1,500" được đọc với dấu phẩy thập phân (1,5) vì tệp có BOM và dấu phân cách ";" như tệp dti --excel ghi; dùng --numbers để khai báo định dạng: ${p.detail}`,
  rosterSchema: (p: P) => `danh sách đơn vị không hợp lệ: ${p.detail}`,
  unwritableFile: (p: P) => `không ghi được tệp: ${p.detail}`,
  duplicateOverride: (p: P) => `thay đổi "${p.received}" đặt lại ${p.expected}: mỗi số liệu chỉ được một giá trị`,
  noMatchingUnit: (p: P) => `${p.detail} "${p.received}": không đơn vị nào có mã hoặc tên chứa chuỗi này (các đơn vị: ${p.expected})`,
  optionFormat: (p: P) => `không dùng được ${p.detail} với --format ${p.received} (dùng --format ${p.expected})`,
  badReadingOption: (p: P) => `--reading ${p.received}: cần dạng MÃ=ID, ví dụ 7.1=asWritten`,
};

/** Both languages, for registerMessages. */
export const fileMessages = { en, vi } as const;
