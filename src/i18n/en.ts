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
  // cli
  usage: (p: P) => `${p.detail}`,
  fileNotFound: (p: P) => `no such file: ${p.received}`,
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
  // issue 10: CLI and outputs
  notAFile: () => "is a directory, not a file",
  unreadableFile: (p: P) => `cannot read the file: ${p.detail}`,
  notUtf8: (p: P) => `is not UTF-8 text (${p.received ?? `an invalid byte on line ${p.detail}`}); save it as UTF-8 (in Excel: "CSV UTF-8")`,
  unwritableFile: (p: P) => `cannot write the file: ${p.detail}`,
  overrideNumber: (p: P) =>
    `cannot read the number in the change "${p.received}": ${
      p.detail === "ambiguousNumber"
        ? "a dot or comma before 3 digits may group thousands or mark decimals; write 1000 or 1.5, or declare numberFormat in the dataset"
        : p.detail === "inexactNumber"
          ? "it has more digits than can be held exactly"
          : p.detail === "numberFormatMismatch"
            ? "it is written in the other number format than the dataset's numberFormat"
            : "not a number"
    }`,
  duplicateOverride: (p: P) => `the change "${p.received}" sets ${p.expected} again: give each input one value`,
} as const;

type P = { readonly expected?: string; readonly received?: string; readonly detail?: string };
