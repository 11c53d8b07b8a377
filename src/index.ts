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
  type Catalog,
  type CatalogInput,
  type CatalogNode,
  type Formula,
  type FormulaKind,
  type InputDef,
  type Note,
  type Requirement,
} from "./catalog/schema.js";
export { loadCatalog } from "./catalog/load.js";
export { getCatalog, listCatalogs, type CatalogSummary } from "./catalog/builtin.js";
export { compileCatalog, type CompiledCatalog, type CompiledNode } from "./catalog/compile.js";
export { lintCatalog, type LintReport } from "./catalog/lint.js";
export { DatasetSchema, UnitSchema, loadDataset, type Dataset, type DatasetInput, type DatasetUnit, type IndicatorData } from "./io/dataset.js";
export { score, type ScoreOptions } from "./engine/score.js";
export { generateDataset } from "./io/generate.js";
export { scoreIndicator, type SingleScore } from "./engine/scoreIndicator.js";
export type { ScoreResult, UnitResult, IndicatorResult, PeriodScore, PeriodStatus, Trace, CriterionResult, Blocker } from "./engine/types.js";
export type { RequirementCheck } from "./formulas/_types.js";
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
