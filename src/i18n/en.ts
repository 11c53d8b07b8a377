/** English messages by issue code. */
export const en = {
  $place: { catalog: "catalog", unit: "unit", period: "period", indicator: "indicator", field: "field" } as Record<string, string>,
  // catalog
  yamlSyntax: (p: P) => `YAML/JSON syntax error: ${p.detail}`,
  catalogSchema: (p: P) => `invalid catalog: ${p.detail}`,
  unknownCatalog: (p: P) => `unknown catalog "${p.received}" (built-in: ${p.expected})${p.detail !== undefined ? `: pass it in options.catalogs, import { catalog } from "${p.detail}", or use getCatalog (which bundles every built-in catalog)` : ""}`,
  structureOnly: () => "this catalog is structure-only: the source document publishes no formulas or points, so it cannot be scored",
  duplicateCode: (p: P) => `code ${p.received} appears more than once`,
  unknownInput: (p: P) => `formula uses input "${p.received}" that the indicator does not define`,
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
  fileNotFound: (p: P) => `cannot read file ${p.received}`,
} as const;

type P = { readonly expected?: string; readonly received?: string; readonly detail?: string };
