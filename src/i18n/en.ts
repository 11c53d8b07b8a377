/** English messages by issue code. */
export const en = {
  $place: { catalog: "catalog", row: "row", unit: "unit", period: "period", indicator: "indicator", field: "field" } as Record<
    string,
    string
  >,
  // catalog
  yamlSyntax: (p: P) => `YAML/JSON syntax error: ${p.detail}`,
  catalogSchema: (p: P) => `invalid catalog: ${p.detail}`,
  unknownCatalog: (p: P) =>
    `unknown catalog "${p.received}" (built-in: ${p.expected})${p.detail !== undefined ? `: pass it in options.catalogs, import { catalog } from "${p.detail}", or use getCatalog (which bundles every built-in catalog)` : ""}`,
  structureOnly: () => "this catalog is structure-only: the source document publishes no formulas or points, so it cannot be scored",
  robustnessNeedsPoints: (p: P) =>
    `rank robustness compares point totals; this catalog is scored by ${p.received} (a level catalog declares no readings of its nodes)`,
  duplicateCode: (p: P) => `code ${p.received} appears more than once`,
  unknownInput: (p: P) => `formula uses input "${p.received}" that the indicator does not define`,
  nestedPeerFormula: (p: P) =>
    `a "${p.received}" formula compares units with each other and cannot stand inside another formula (it would be compared with itself only)`,
  badReference: (p: P) => `input refers to "${p.received}", which does not exist (${p.detail})`,
  missingFormula: () => "scored indicator has no formula",
  missingMax: () => "scored indicator has no max",
  // issue 10: catalog checks
  badMax: (p: P) => `max must be a number greater than 0, got ${p.received}`,
  formulaOnGroup: () => "a group (an indicator with sub-indicators) adds up its children: a formula written on it would never be read",
  nonNumericInput: (p: P) =>
    `input "${p.detail}" is of type ${p.received}: only numbers (count, number, amount, share, percent) can be measured, added or divided`,
  ratioNeedsShare: (p: P) =>
    `a ratio formula multiplies input "${p.detail}" by max, so it must be a share from 0 to 1 (type: share, or type: percent with points: max/100); it is of type ${p.received}`,
  outOfDomain: (p: P) => `${p.received} lies outside the values the measured value can take (${p.expected})`,
  bandEmpty: (p: P) => `no value can fall in this band (${p.detail}): its bounds are inverted or outside the value's domain`,
  bandsOverlap: (p: P) => `this band overlaps band ${p.received}: the first band that holds wins, so part of it is never used`,
  bandShadowed: (p: P) => `this band lies inside band ${p.received}, which comes first: it is never used`,
  bandsUnordered: () => "bands must be listed in order of their bounds (all ascending or all descending)",
  shareOutOfRange: (p: P) => `a share of max must be from 0 to 1, got ${p.received}`,
  pointsOutOfRange: (p: P) => `points must be from 0 to the max (${p.expected}), got ${p.received}`,
  itemsAboveMax: (p: P) => `the items add up to ${p.received}, more than the max ${p.expected}`,
  badItemPoints: (p: P) => `points per item must be greater than 0, got ${p.received}`,
  partsAboveMax: (p: P) => `the parts' maxima add up to ${p.received}, more than the max ${p.expected}`,
  wrongScoringFormula: (p: P) => `a "${p.received}" formula cannot score in a catalog with scoring: ${p.expected}`,
  referenceChain: (p: P) =>
    `input is taken from ${p.received}, which is itself taken from elsewhere (${p.detail}): the engine reads one step only, so it would always be missing; take it from ${p.expected} directly`,
  referenceCycle: (p: P) => `"from" references form a cycle: ${p.detail}`,
  referenceType: (p: P) => `input of type ${p.expected} takes its value from ${p.detail}, of type ${p.received}`,
  levelsDecreasing: (p: P) =>
    `requirement ${p.received} is lower than the level below it (${p.expected}): requirements must not decrease with the level`,
  badChildCatalog: (p: P) => `child catalog "${p.received}" ${p.detail}`,
  unusedInput: (p: P) => `input "${p.received}" is declared but the formula never reads it`,
  unknownChildCatalog: (p: P) =>
    `child catalog "${p.received}" is not a registered catalog; it must be given when scoring (options.catalogs)`,
  childrenSum: (p: P) => `children do not add up to the max: ${p.detail}`,
  codeOrder: (p: P) => `code out of the document's order: ${p.detail}`,
  declaredMismatch: (p: P) => `the tree does not match what the document declares: ${p.detail}`,
  // issue 13: readings of ambiguous rows
  zeroRangeNeedsMinmax: (p: P) => `zeroRange applies to mode minmax (all units equal: no range); this formula has mode ${p.received}`,
  readingsUnsupported: (p: P) => `a catalog with scoring: ${p.received} cannot declare this in a reading of a node`,
  duplicateReading: (p: P) => `reading id "${p.received}" appears more than once`,
  readingDefault: (p: P) => `exactly one reading must be the default (the node as encoded), found ${p.received} among ${p.expected}`,
  singleReading: (p: P) => `a readings list needs the default and at least one alternative, got only ${p.received || "none"}`,
  readingPatchOnDefault: (p: P) =>
    `the default reading "${p.received}" is the node as encoded and changes nothing; it sets ${p.detail} (write that on the node instead)`,
  emptyReading: (p: P) =>
    `reading "${p.received}" changes nothing (give formula, max, zeroDenominator, unscored, cadence, annualRule or inputs; aggregate, pillarMeanOf or zeroDenominator for the catalog; or mark it encoded: false)`,
  unknownReadingNode: (p: P) => `no indicator with code "${p.received}" in the catalog (indicators with readings: ${p.expected})`,
  noReadings: (p: P) => `indicator ${p.received} has no alternative readings (indicators with readings: ${p.expected})`,
  unknownReading: (p: P) => `unknown reading "${p.received}" of ${p.detail} (readings: ${p.expected})`,
  readingUnknownInput: (p: P) =>
    `reading "${p.detail}" changes input "${p.received}", which the indicator does not declare (a reading rewords or re-sources inputs, never adds one)`,
  describedReadingPatch: (p: P) =>
    `reading "${p.received}" is described only (encoded: false) but sets ${p.detail}: a described reading carries no patch and is not the default`,
  readingNotEncoded: (p: P) =>
    `reading "${p.received}" of ${p.detail} is described but not encoded (no patch of the catalog format expresses it yet): it cannot be scored (encoded readings: ${p.expected})`,
  readingNewInput: (p: P) =>
    `reading "${p.detail}" reads input "${p.received}", which the encoded formula does not: a dataset filled for the default would lack it (one dataset serves every reading)`,
  ambiguityWithoutReadings: (p: P) => `a note marks an ambiguity but no readings are declared: "${p.detail}"`,
  readingsSchema: (p: P) => `invalid readings file: ${p.detail}`,
  readingsCatalogMismatch: (p: P) => `the readings file is for catalog "${p.received}" but the dataset is scored with "${p.expected}"`,
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
  expectedText: (p: P) =>
    `expected text, got ${p.received}${p.received !== undefined && /^-?[0-9]/.test(p.received) ? ' (write it in quotes: "…"; as a number its leading zeros and trailing zeros are lost)' : ""}`,
  expectedObject: (p: P) => `expected the fields ${p.expected} or "n/a", got ${p.received}`,
  numeratorExceedsDenominator: (p: P) => `numerator ${p.detail} = ${p.received} is larger than the denominator = ${p.expected}`,
  unknownProfileField: (p: P) => `unknown profile field "${p.received}" (expected: ${p.expected})`,
  zeroDenominator: (p: P) => `denominator ${p.detail} is 0 and the catalog's policy for this indicator is "error"`,
  unknownParent: (p: P) => `parent unit "${p.received}" is neither a unit of the dataset nor declared in its parents`,
  duplicateParent: (p: P) => `parent unit "${p.received}" is declared more than once in parents`,
  parentIsUnit: (p: P) =>
    `"${p.received}" is both a unit of the dataset and a declared parent (parents lists units this dataset does not assess)`,
  parentNotAssessed: (p: P) =>
    `parent "${p.received}" is only declared in parents: in a dataset with units of ${p.expected}, a lower unit's parent must be one of them`,
  unusedParent: (p: P) => `declared parent "${p.received}" is the parent of no unit`,
  badRegistered: (p: P) => `registered level must be 1–5, got ${p.received}`,
  wrongUnitCatalog: (p: P) => `unit's catalog "${p.received}" is neither the dataset's catalog nor its child catalog (${p.expected})`,
  appraisalWithoutData: (p: P) => `${p.detail}`,
  derivedFromPrevious: (p: P) => `${p.detail}`,
  // issue 10: dataset reader
  duplicateKey: (p: P) =>
    `key "${p.received}" appears more than once${p.detail !== undefined ? ` (at ${p.detail})` : ""}: which value holds cannot be told`,
  inexactNumber: (p: P) =>
    `${p.received}${p.detail !== undefined ? ` (at ${p.detail})` : ""} cannot be held exactly (more than 40 significant digits, or an integer past 2^53); write it as text or round it`,
  yamlNumberForm: (p: P) =>
    `${p.received}${p.detail !== undefined ? ` (at ${p.detail})` : ""} is read by YAML as ${p.expected}: write the number in plain digits (1000, 0.5), or in quotes if it is text`,
  ambiguousNumber: (p: P) =>
    `${p.received}${p.detail !== undefined ? ` (at ${p.detail})` : ""} is ambiguous: a thousands separator in one number format, a decimal mark in the other; declare the dataset's numberFormat: vi (1.000 = one thousand, 1,5 = one and a half) or en (1,000 = one thousand, 1.5 = one and a half)`,
  numberFormatMismatch: (p: P) =>
    `${p.received} is written in the ${p.detail} number format, but the dataset declares numberFormat: ${p.expected}`,
  expectedShare: (p: P) =>
    `expected a share from 0 to 1 (0.85 = 85%), got ${p.received}${p.detail !== undefined ? `; write ${p.detail}` : ""}`,
  expectedPercent: (p: P) => `expected a percentage from 0 to 100, got ${p.received}`,
  optionByLabel: (p: P) => `option given by its label ${p.received}, read as the key "${p.expected}"`,
  numberAsText: (p: P) => `number given as text ${p.received}, read as ${p.expected}`,
  notDue: (p: P) => `indicator ${p.detail} is evaluated per ${p.expected}; its data for ${p.received} is not used`,
  missingMarker: (p: P) =>
    `${p.received} is read as a missing value (not as "not applicable": write n/a or "không áp dụng" for that)${markerConsequence(p)}`,
  missingProfileField: (p: P) => `profile field ${p.received} is missing; indicator(s) ${p.detail} with data need it`,
  missingParent: (p: P) => `a unit of catalog ${p.received} needs a parent: a unit of ${p.expected}`,
  parentWrongLevel: (p: P) => `parent "${p.received}" is a unit of ${p.detail}; expected ${p.expected}`,
  parentCycle: (p: P) => `parent links form a cycle: ${p.detail}`,
  parentRejected: (p: P) => `parent unit "${p.received}" was rejected for its own problems: this unit is rejected with it`,
  lineageMerge: (p: P) =>
    `the lineage maps ${p.received} to one unit ${p.expected}: a merger cannot be paired unit by unit (map one earlier id per later id)`,
  periodGap: (p: P) =>
    `periods ${p.received} skip ${p.detail}: indicators evaluated per ${p.expected} would be averaged over the given periods only`,
  // cli
  usage: (p: P) => `${p.detail}`,
  fileNotFound: (p: P) => `no such file: ${p.received}`,
  unknownUnit: (p: P) => `${p.detail ? `${p.detail} ` : ""}${p.received}: no such unit (units: ${p.expected})`,
  noParents: (p: P) =>
    p.detail === "levels"
      ? "a summary per parent unit sums totals: a level catalog has none (its table already counts the units per level and parent)"
      : `a summary per parent unit needs units with a parent; none of the ${p.received} units has one`,
  badOverride: (p: P) => `cannot read the change "${p.received}": ${p.detail} (expected UNIT.PERIOD.CODE[.FIELD]=VALUE)`,
  // issue 10: CSV and roster
  rosterDuplicateId: (p: P) => `unit id "${p.received}" appears more than once in the roster (${p.detail})`,
  rosterDuplicateName: (p: P) => `the roster names ${p.detail} "${p.received}"`,
  rosterUnknownUnit: (p: P) =>
    `unit id "${p.received}" is not in the roster${p.expected !== undefined ? `; did you mean "${p.expected}"?` : ""}${p.detail !== undefined ? ` (${p.detail})` : ""}`,
  rosterUnitWithoutData: (p: P) => `roster unit "${p.received}" (${p.detail}) has no data in the dataset`,
  rosterNameMismatch: (p: P) => `unit is named "${p.received}" in the data but "${p.expected}" in the roster`,
  sameUnitName: (p: P) => `units ${p.detail} share the name "${p.received}": one unit under two ids?`,
  confusableUnitIds: (p: P) =>
    `unit ids "${p.received}" and "${p.expected}" differ only by look-alike characters (O/0, I/l/1): the same unit typed two ways?`,
  sparseUnit: (p: P) =>
    `the unit has ${p.received} filled value(s), under a quarter of the median ${p.expected} of ${p.detail}: rows lost or a mistyped unit id?`,
  // issue 10: CLI and outputs
  notAFile: () => "is a directory, not a file",
  unreadableFile: (p: P) => `cannot read the file: ${p.detail}`,
  notUtf8: (p: P) => `is not UTF-8 text (${p.received ?? `an invalid byte on line ${p.detail}`}); save it as UTF-8 (in Excel: "CSV UTF-8")`,
  overrideNumber: (p: P) => `cannot read the number in the change "${p.received}": ${numberProblem[p.detail ?? ""] ?? "not a number"}`,
  // issue 12: an option the chosen output has no use for
  optionNotForFormat: (p: P) =>
    `${p.received} is for --format ${p.expected}; the ${p.detail} format shows no indicator records (every indicator's score: --format csv; its calculation: dti explain)`,
} as const;

type P = { readonly expected?: string; readonly received?: string; readonly detail?: string };

/** What a missing-value marker leads to (missingMarker's detail keyword). */
const markerConsequence = (p: P): string =>
  ({
    indicator: "; the indicator is scored as not reported",
    field: "; the field is missing",
    profile: "; the profile value is missing",
    absentAs: `; read as ${p.expected}`,
  })[p.detail ?? ""] ?? "";

/** Why a number is not read (the value reader's problem codes). */
const numberProblem: Readonly<Record<string, string>> = {
  ambiguousNumber:
    "a dot or comma before 3 digits may group thousands or mark decimals; write 1000 or 1.5, or declare numberFormat in the dataset",
  inexactNumber: "it has more digits than can be held exactly",
  numberFormatMismatch: "it is written in the other number format than the dataset's numberFormat",
};
