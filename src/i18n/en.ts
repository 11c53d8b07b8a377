/** English messages by issue code. */
export const en = {
  $place: { catalog: "catalog", unit: "unit", period: "period", indicator: "indicator", field: "field" } as Record<string, string>,
  // catalog
  yamlSyntax: (p: P) => `YAML/JSON syntax error: ${p.detail}`,
  catalogSchema: (p: P) => `invalid catalog: ${p.detail}`,
  unknownCatalog: (p: P) =>
    `unknown catalog "${p.received}" (built-in: ${p.expected})${p.detail !== undefined ? `: pass it in options.catalogs, import { catalog } from "${p.detail}", or use getCatalog (which bundles every built-in catalog)` : ""}`,
  structureOnly: () => "this catalog is structure-only: the source document publishes no formulas or points, so it cannot be scored",
  duplicateCode: (p: P) => `code ${p.received} appears more than once`,
  unknownInput: (p: P) => `formula uses input "${p.received}" that the indicator does not define`,
  nestedPeerFormula: (p: P) =>
    `a "${p.received}" formula compares units with each other and cannot stand inside another formula (it would be compared with itself only)`,
  badReference: (p: P) => `input refers to "${p.received}", which does not exist (${p.detail})`,
  missingFormula: () => "scored indicator has no formula",
  missingMax: () => "scored indicator has no max",
  // dataset
  datasetSchema: (p: P) => `invalid dataset: ${p.detail}`,
  catalogMismatch: (p: P) => `dataset is for catalog "${p.received}" but was scored with "${p.expected}"`,
  unknownPeriod: (p: P) => `unknown period "${p.received}" (dataset periods: ${p.expected})`,
  badPeriods: (p: P) => `periods must be Q1–Q4, H1–H2 or Y, in order, without repeats; got ${p.received}`,
  duplicateUnit: (p: P) => `unit id "${p.received}" appears more than once`,
  unknownIndicator: (p: P) => `no indicator with code "${p.received}" in the catalog`,
  notALeaf: (p: P) => `"${p.received}" is scored from its sub-indicators (${p.detail}); give their data instead`,
  unknownField: (p: P) => `unknown field "${p.received}" (expected: ${p.expected})`,
  fromField: (p: P) => `field is taken from ${p.detail}; do not give it here`,
  missingField: (p: P) => `missing field (${p.detail})`,
  expectedCount: (p: P) => `expected a whole number ≥ 0, got ${p.received}`,
  expectedNumber: (p: P) => `expected a number ≥ 0, got ${p.received}`,
  expectedBoolean: (p: P) => `expected true or false, got ${p.received}`,
  expectedOption: (p: P) => `expected one of ${p.expected}, got ${p.received}`,
  expectedText: (p: P) => `expected text, got ${p.received}`,
  expectedObject: (p: P) => `expected the fields ${p.expected} or "n/a", got ${p.received}`,
  numeratorExceedsDenominator: (p: P) => `numerator ${p.detail} = ${p.received} is larger than the denominator = ${p.expected}`,
  unknownProfileField: (p: P) => `unknown profile field "${p.received}" (expected: ${p.expected})`,
  zeroDenominator: (p: P) => `denominator ${p.detail} is 0 and the catalog's policy for this indicator is "error"`,
  unknownParent: (p: P) => `parent unit "${p.received}" is not in the dataset`,
  badRegistered: (p: P) => `registered level must be 1–5, got ${p.received}`,
  wrongUnitCatalog: (p: P) => `unit's catalog "${p.received}" is neither the dataset's catalog nor its child catalog (${p.expected})`,
  appraisalWithoutData: (p: P) => `${p.detail}`,
  derivedFromPrevious: (p: P) => `${p.detail}`,
  // issue 10: dataset reader
  duplicateKey: (p: P) => `key "${p.received}" appears more than once (JSON would keep only the last value)`,
  inexactNumber: (p: P) =>
    `${p.received} cannot be held exactly (more than 40 significant digits, or an integer past 2^53); write it as text or round it`,
  ambiguousNumber: (p: P) =>
    `${p.received} is ambiguous: a thousands separator in one number format, a decimal mark in the other; declare the dataset's numberFormat: vi (1.000 = one thousand, 1,5 = one and a half) or en (1,000 = one thousand, 1.5 = one and a half)`,
  numberFormatMismatch: (p: P) =>
    `${p.received} is written in the ${p.detail} number format, but the dataset declares numberFormat: ${p.expected}`,
  expectedShare: (p: P) =>
    `expected a share from 0 to 1 (0.85 = 85%), got ${p.received}${p.detail !== undefined ? `; write ${p.detail}` : ""}`,
  expectedPercent: (p: P) => `expected a percentage from 0 to 100, got ${p.received}`,
  missingMarker: (p: P) =>
    `${p.received} is read as a missing value (not as "not applicable": write n/a or "không áp dụng" for that)${p.detail !== undefined ? `; ${p.detail}` : ""}`,
  missingProfileField: (p: P) => `profile field ${p.received} is missing; indicator(s) ${p.detail} with data need it`,
  missingParent: (p: P) => `a unit of catalog ${p.received} needs a parent: a unit of ${p.expected}`,
  parentWrongLevel: (p: P) => `parent "${p.received}" is a unit of ${p.detail}; expected ${p.expected}`,
  parentCycle: (p: P) => `parent links form a cycle: ${p.detail}`,
  periodGap: (p: P) =>
    `periods ${p.received} skip ${p.detail}: indicators evaluated per ${p.expected} would be averaged over the given periods only`,
  // cli
  usage: (p: P) => `${p.detail}`,
  fileNotFound: (p: P) => `cannot read file ${p.received}`,
  unknownCommand: (p: P) => `unknown command "${p.received}" (commands: ${p.expected})`,
  unknownOption: (p: P) => `unknown option ${p.received} for dti ${p.detail} (options: ${p.expected})`,
  badValue: (p: P) => `${p.detail} must be one of ${p.expected}; got ${p.received}`,
  badInteger: (p: P) => `${p.detail} must be a whole number; got ${p.received}`,
  missingValue: (p: P) => `option ${p.received} needs a value (${p.expected})`,
  missingOption: (p: P) => `dti ${p.detail} needs ${p.received}`,
  missingArgument: (p: P) => `dti ${p.detail} needs ${p.received}`,
  tooManyArguments: (p: P) => `dti ${p.detail} takes ${p.expected}; got ${p.received} arguments`,
  unknownUnit: (p: P) => `${p.detail ? `${p.detail} ` : ""}${p.received}: no such unit (units: ${p.expected})`,
  unknownCode: (p: P) => `${p.detail ? `${p.detail} ` : ""}${p.received}: no such indicator in ${p.expected}`,
  badOverride: (p: P) => `cannot read the change "${p.received}": ${p.detail} (expected UNIT.PERIOD.CODE[.FIELD]=VALUE)`,
  catalogsDiffer: (p: P) => `the two datasets use different catalogs (${p.received})`,
  csvNeedsCatalog: () => "a CSV dataset needs --catalog id|path",
} as const;

type P = { readonly expected?: string; readonly received?: string; readonly detail?: string };
