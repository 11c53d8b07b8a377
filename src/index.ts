/**
 * dti-engine: declarative, exact and traceable scoring of Vietnamese provincial Digital
 * Transformation Index (DTI) assessments.
 * @packageDocumentation
 */
export {
  CatalogSchema,
  NodeSchema,
  FormulaSchema,
  InputSchema,
  NoteSchema,
  NodeReadingSchema,
  CatalogReadingSchema,
  type NodeReading,
  type CatalogReading,
  type Catalog,
  type CatalogInput,
  type CatalogNode,
  type Formula,
  type FormulaKind,
  type InputDef,
  type Note,
  type Requirement,
} from "./catalog/schema.js";
export { loadCatalog, type LoadCatalogOptions } from "./catalog/load.js";
// Types the public signatures name (so that the API docs can link them).
export type { AnyFormula, PartOutcome } from "./formulas/_types.js";
export type { NumberFormat } from "./_values.js";
export type { Detail } from "./engine/points.js";
export { getCatalog, listCatalogs, type CatalogSummary } from "./catalog/builtin.js";
export { compileCatalog, type CompiledCatalog, type CompiledNode, type RatioExpr } from "./catalog/compile.js";
export { lintCatalog, type LintReport } from "./catalog/lint.js";
export {
  withReadings,
  readingSets,
  normalizeChoice,
  chosenReadings,
  CATALOG_READING,
  type ReadingChoice,
  type ReadingSet,
} from "./catalog/readings.js";
export { ReadingsFileSchema, loadReadingsFile, type ReadingsFile } from "./io/readingsFile.js";
export {
  DatasetSchema,
  UnitSchema,
  loadDataset,
  type Dataset,
  type DatasetInput,
  type DatasetUnit,
  type IndicatorData,
} from "./io/dataset.js";
export { score, type ScoreOptions } from "./engine/score.js";
export { openScoring, type ScoringSession } from "./engine/session.js";
export { scoreLines, scoreLinesAsync, textLines, type StreamOptions } from "./engine/stream.js";
export { generateDataset } from "./io/generate.js";
export { scoreIndicator, type SingleScore } from "./engine/scoreIndicator.js";
export type {
  ScoreResult,
  RejectedUnit,
  UnitResult,
  PointsUnit,
  LevelUnit,
  IndicatorResult,
  PeriodScore,
  PeriodStatus,
  Trace,
  ReadingUsed,
  CriterionResult,
  Blocker,
} from "./engine/types.js";
export type { RequirementCheck } from "./levels/index.js";
export { formulaKinds } from "./formulas/registry.js";
export {
  DtiError,
  CatalogError,
  DatasetError,
  FormulaError,
  CliError,
  formatIssue,
  type Issue,
  type IssueCode,
  type IssueKind,
  type IssueWhere,
  type Lang,
} from "./errors.js";
export { explain, describeTrace, type Explanation } from "./analysis/explain.js";
export { gaps, type GapReport, type GapHistory, type GapSearchOptions, type Gap, type Suggestion } from "./analysis/gaps.js";
export { whatIf, parseOverride, type WhatIf } from "./analysis/whatif.js";
export {
  compare,
  assessmentDifferences,
  type Comparison,
  type CompareOptions,
  type CriterionChange,
  type Lineage,
  type UnitChange,
  type UnitPresence,
  type AssessmentDifference,
} from "./analysis/compare.js";
export {
  report,
  reportData,
  reportMarkdown,
  reportHtml,
  reportCsv,
  renderReport,
  groupsCsv,
  warningsCsv,
  type ReportFormat,
  type ReportData,
  type ReportDataOptions,
  type ReportHtmlOptions,
} from "./analysis/report.js";
export {
  robustness,
  type RobustnessOptions,
  type RobustnessReport,
  type UnitRobustness,
  type Attained,
  type RankMove,
  type SensitiveReading,
  type AssessmentRank,
} from "./analysis/robustness.js";
export {
  selectUnits,
  groupByParent,
  foldText,
  UNIT_SORTS,
  type UnitSort,
  type UnitSelection,
  type ParentGroup,
} from "./analysis/select.js";
export { template, catalogDatasetSchema, CSV_COLUMNS, type TemplateFormat, type TemplateOptions } from "./io/template.js";
export { datasetFromCsv, readCsvDataset, type CsvReadOptions, type CsvReading } from "./io/csv.js";
export { checkRoster, RosterSchema, type RosterEntry, type RosterReport, type RosterSubject } from "./io/roster.js";
export { readRoster } from "./io/rosterFile.js";
export { applyOverrides, type Override } from "./io/overrides.js";
export { compareCodes, indicatorsInOrder, criteriaInOrder } from "./engine/types.js";
export { formatNumber, formatPercent } from "./_format.js";
export { describeBlocker } from "./levels/index.js";
export { readLineage, checkLineage } from "./lineage/read.js";
export type { UnitLineage, LineageUnit, Predecessor, Ranking } from "./lineage/schema.js";
export {
  merge,
  type MergeRule,
  type MergeOptions,
  type MergeResult,
  type MergeTrace,
  type MergedUnit,
  type MergedResult,
} from "./lineage/merge.js";
export { readPublished, isPublished, type PublishedResult, type PublishedInfo } from "./lineage/published.js";
export {
  nationalValues,
  roundValue,
  competitionRanksOf,
  type NationalValues,
  type UnitValues,
  type Value,
  type ValuesOptions,
} from "./analysis/values.js";
