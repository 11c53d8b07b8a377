// Type tests of the public result types (vitest typecheck: run by `npx vitest run`, see
// vitest.config.ts `test.typecheck`). They pin what a consumer of the package can rely on: field
// names, optionality, readonly-ness and the literal unions, so that a change of the public types
// is a deliberate one.
import { describe, expectTypeOf, it } from "vitest";
import {
  explain,
  gaps,
  getCatalog,
  loadCatalog,
  score,
  compileCatalog,
  type Blocker,
  type Catalog,
  type CompiledCatalog,
  type CriterionResult,
  type Explanation,
  type GapReport,
  type IndicatorResult,
  type Issue,
  type IssueCode,
  type IssueKind,
  type IssueWhere,
  type PeriodScore,
  type PeriodStatus,
  type ScoreResult,
  type RejectedUnit,
  type ReadingUsed,
  type Trace,
  type UnitResult,
} from "../src/index.js";
import type { Dec } from "../src/_decimal.js";
import type { LevelUnit, PointsUnit } from "../src/engine/types.js";

describe("score / explain / gaps signatures", () => {
  it("score returns a ScoreResult", () => {
    expectTypeOf(score).returns.toEqualTypeOf<ScoreResult>();
    expectTypeOf(score).parameter(0).toEqualTypeOf<CompiledCatalog>();
    // The dataset may be given as text (YAML/JSON or a path).
    expectTypeOf<string>().toExtend<Parameters<typeof score>[1]>();
  });

  it("explain returns Explanation[]; gaps returns a GapReport", () => {
    expectTypeOf(explain).returns.toEqualTypeOf<Explanation[]>();
    expectTypeOf(explain).parameter(0).toEqualTypeOf<ScoreResult>();
    expectTypeOf(explain).parameter(1).toEqualTypeOf<string>();
    expectTypeOf(gaps).returns.toEqualTypeOf<GapReport>();
    expectTypeOf(gaps).parameter(2).toEqualTypeOf<string>();
  });

  it("Explanation and GapReport fields", () => {
    expectTypeOf<Explanation>().toEqualTypeOf<{
      readonly code: string;
      readonly name: string;
      readonly score: string;
      readonly max: string;
      readonly depth: number;
      readonly text: string;
    }>();
    expectTypeOf<GapReport["total"]>().toEqualTypeOf<string>();
    expectTypeOf<GapReport["rank"]>().toEqualTypeOf<number>();
    // "points needed to pass the unit above": absent for the first unit.
    expectTypeOf<GapReport["target"]>().toEqualTypeOf<
      { readonly unit: string; readonly name: string; readonly total: string; readonly needed: string } | undefined
    >();
    expectTypeOf<GapReport["nextLevel"]>().toEqualTypeOf<
      { readonly level: number; readonly blockers: readonly (Blocker & { readonly action: string })[] } | undefined
    >();
  });
});

describe("ScoreResult", () => {
  it("fields", () => {
    expectTypeOf<ScoreResult>().toEqualTypeOf<{
      readonly catalog: string;
      readonly year: number;
      readonly periods: readonly string[];
      readonly units: readonly UnitResult[];
      readonly warnings: readonly Issue[];
      readonly rejected?: readonly RejectedUnit[];
      readonly parents?: readonly { readonly id: string; readonly name: string }[];
      readonly readings?: Readonly<Record<string, ReadingUsed>>;
    }>();
    expectTypeOf<RejectedUnit>().toEqualTypeOf<{
      readonly id: string;
      readonly name?: string;
      readonly parent?: string;
      readonly issues: readonly Issue[];
    }>();
  });

  it("is readonly: a consumer cannot push units or reassign fields", () => {
    const r = {} as ScoreResult;
    // @ts-expect-error units is a readonly array
    r.units.push({} as UnitResult);
    // @ts-expect-error catalog is readonly
    r.catalog = "x";
  });
});

describe("IndicatorResult, PeriodScore, Trace", () => {
  it("IndicatorResult: decimals as strings, leaves' period fields optional", () => {
    expectTypeOf<IndicatorResult["score"]>().toEqualTypeOf<string>();
    expectTypeOf<IndicatorResult["max"]>().toEqualTypeOf<string>();
    expectTypeOf<IndicatorResult["annualRule"]>().toEqualTypeOf<"mean" | "last" | undefined>();
    expectTypeOf<IndicatorResult["duePeriods"]>().toEqualTypeOf<readonly string[] | undefined>();
    expectTypeOf<IndicatorResult["periods"]>().toEqualTypeOf<Readonly<Record<string, PeriodScore>> | undefined>();
    expectTypeOf<IndicatorResult["clamp"]>().toEqualTypeOf<{ readonly from: string; readonly to: string } | undefined>();
    expectTypeOf<IndicatorResult["unscored"]>().toEqualTypeOf<true | undefined>();
    expectTypeOf<IndicatorResult["self"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<IndicatorResult["difference"]>().toEqualTypeOf<string | undefined>();
  });

  it("PeriodScore", () => {
    expectTypeOf<PeriodScore>().toEqualTypeOf<{ readonly score: string; readonly status: PeriodStatus; readonly trace: Trace }>();
    expectTypeOf<PeriodStatus>().toEqualTypeOf<"scored" | "missing" | "notApplicable" | "zeroDenominator">();
  });

  it("Trace", () => {
    expectTypeOf<Trace["citation"]>().toEqualTypeOf<string>();
    expectTypeOf<Trace["status"]>().toEqualTypeOf<PeriodStatus>();
    expectTypeOf<Trace["branch"]>().toEqualTypeOf<string>();
    expectTypeOf<Trace["raw"]>().toEqualTypeOf<string>();
    expectTypeOf<Trace["inputs"]>().toEqualTypeOf<Readonly<Record<string, string>>>();
    expectTypeOf<Trace["facts"]>().toEqualTypeOf<Readonly<Record<string, string>>>();
    expectTypeOf<Trace["clamp"]>().toEqualTypeOf<{ readonly from: string; readonly to: string } | undefined>();
    expectTypeOf<Trace["missing"]>().toEqualTypeOf<readonly string[] | undefined>();
    expectTypeOf<Trace["source"]>().toEqualTypeOf<"self" | "appraisal">();
    expectTypeOf<Trace["parts"]>().toEqualTypeOf<
      | readonly { readonly label: string; readonly max: string; readonly raw: string; readonly score: string; readonly branch: string }[]
      | undefined
    >();
  });
});

describe("UnitResult: fields common to both scorings", () => {
  it("id, name, catalog, rank, parent, criteria", () => {
    expectTypeOf<UnitResult["id"]>().toEqualTypeOf<string>();
    expectTypeOf<UnitResult["name"]>().toEqualTypeOf<string>();
    expectTypeOf<UnitResult["catalog"]>().toEqualTypeOf<string>();
    expectTypeOf<UnitResult["rank"]>().toEqualTypeOf<number>();
    expectTypeOf<UnitResult["parent"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<UnitResult["scoring"]>().toEqualTypeOf<"points" | "levels">();
  });

  it("CriterionResult and Blocker", () => {
    expectTypeOf<CriterionResult["levelMet"]>().toEqualTypeOf<number>();
    expectTypeOf<CriterionResult["status"]>().toEqualTypeOf<"scored" | "missing" | "notApplicable">();
    expectTypeOf<CriterionResult["blocking"]>().toEqualTypeOf<readonly Blocker[]>();
    expectTypeOf<Blocker["missing"]>().toEqualTypeOf<boolean>();
    expectTypeOf<Blocker["level"]>().toEqualTypeOf<number>();
    expectTypeOf<Blocker["requirement"]>().toEqualTypeOf<string>();
  });
});

describe("Issue, IssueCode", () => {
  it("Issue fields", () => {
    expectTypeOf<Issue["kind"]>().toEqualTypeOf<IssueKind>();
    expectTypeOf<IssueKind>().toEqualTypeOf<"catalog" | "dataset" | "formula" | "cli">();
    expectTypeOf<Issue["code"]>().toEqualTypeOf<IssueCode>();
    expectTypeOf<Issue["path"]>().toEqualTypeOf<readonly (string | number)[]>();
    expectTypeOf<Issue["where"]>().toEqualTypeOf<IssueWhere>();
    expectTypeOf<Issue["message"]>().toEqualTypeOf<string>();
    expectTypeOf<Issue["expected"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<IssueWhere>().toEqualTypeOf<{
      readonly file?: string;
      readonly row?: number;
      readonly cell?: string;
      readonly catalog?: string;
      readonly unit?: string;
      readonly period?: string;
      readonly indicator?: string;
      readonly field?: string;
    }>();
  });

  it("IssueCode is a union of string literals that includes the codes the tests rely on", () => {
    expectTypeOf<IssueCode>().toExtend<string>();
    expectTypeOf<string>().not.toExtend<IssueCode>();
    expectTypeOf<
      | "zeroDenominator"
      | "numeratorExceedsDenominator"
      | "expectedCount"
      | "expectedBoolean"
      | "expectedOption"
      | "missingField"
      | "unknownField"
      | "unknownIndicator"
      | "unknownPeriod"
      | "duplicateUnit"
      | "datasetSchema"
      | "structureOnly"
    >().toExtend<IssueCode>();
    expectTypeOf<"noSuchCode">().not.toExtend<IssueCode>();
  });
});

// =============================================================================================
// Updated for the issue 9 refactor: UnitResult is the discriminated union `PointsUnit | LevelUnit`
// on `scoring`, and loadCatalog / getCatalog return the compiled catalog.
// =============================================================================================
describe("UnitResult union and compiled catalogs", () => {
  it("loadCatalog and getCatalog return the CompiledCatalog (the validated Catalog plus its compiled tree)", () => {
    expectTypeOf(loadCatalog).returns.toEqualTypeOf<CompiledCatalog>();
    expectTypeOf(getCatalog).returns.toEqualTypeOf<CompiledCatalog>();
    expectTypeOf(getCatalog).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(loadCatalog).parameter(0).toEqualTypeOf<string | object>();
    expectTypeOf<CompiledCatalog>().toExtend<Catalog>();
    expectTypeOf<CompiledCatalog["catalog"]>().toEqualTypeOf<Catalog>();
    expectTypeOf<CompiledCatalog["treeTotal"]>().toEqualTypeOf<Dec>();
    expectTypeOf(compileCatalog).parameter(0).toEqualTypeOf<Catalog | CompiledCatalog>();
    expectTypeOf(compileCatalog).returns.toEqualTypeOf<CompiledCatalog>();
  });

  it("UnitResult is PointsUnit | LevelUnit: points fields only on points units, level fields only on level units", () => {
    expectTypeOf<UnitResult>().toEqualTypeOf<PointsUnit | LevelUnit>();
    expectTypeOf<PointsUnit["scoring"]>().toEqualTypeOf<"points">();
    expectTypeOf<LevelUnit["scoring"]>().toEqualTypeOf<"levels">();
    expectTypeOf<Extract<UnitResult, { scoring: "points" }>>().toEqualTypeOf<PointsUnit>();
    expectTypeOf<Extract<UnitResult, { scoring: "levels" }>>().toEqualTypeOf<LevelUnit>();

    expectTypeOf<PointsUnit["total"]>().toEqualTypeOf<string>();
    expectTypeOf<PointsUnit["max"]>().toEqualTypeOf<string>();
    expectTypeOf<PointsUnit["indicators"]>().toEqualTypeOf<Readonly<Record<string, IndicatorResult>>>();
    expectTypeOf<PointsUnit["periods"]>().toEqualTypeOf<Readonly<Record<string, { readonly total: string }>>>();
    expectTypeOf<PointsUnit["assessment"]>().toEqualTypeOf<
      { readonly self: string; readonly final: string; readonly difference: string } | undefined
    >();

    expectTypeOf<LevelUnit["level"]>().toEqualTypeOf<number>();
    expectTypeOf<LevelUnit["levelName"]>().toEqualTypeOf<string>();
    expectTypeOf<LevelUnit["registered"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<LevelUnit["recognised"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<LevelUnit["criteria"]>().toEqualTypeOf<Readonly<Record<string, CriterionResult>>>();
    expectTypeOf<LevelUnit["blockers"]>().toEqualTypeOf<readonly Blocker[]>();
    expectTypeOf<LevelUnit["registeredBlockers"]>().toEqualTypeOf<readonly Blocker[] | undefined>();

    expectTypeOf<PointsUnit>().not.toHaveProperty("level");
    expectTypeOf<PointsUnit>().not.toHaveProperty("criteria");
    expectTypeOf<LevelUnit>().not.toHaveProperty("total");
    expectTypeOf<LevelUnit>().not.toHaveProperty("indicators");
    const u = {} as UnitResult;
    // @ts-expect-error total is only on points units: narrow on scoring first
    void u.total;
    // @ts-expect-error level is only on level units: narrow on scoring first
    void u.level;
  });

  it("narrowing on scoring gives the unit's own fields, level required", () => {
    const u = {} as UnitResult;
    if (u.scoring === "levels") {
      expectTypeOf(u).toEqualTypeOf<LevelUnit>();
      expectTypeOf(u.level).toEqualTypeOf<number>();
    } else {
      expectTypeOf(u).toEqualTypeOf<PointsUnit>();
      expectTypeOf(u.total).toEqualTypeOf<string>();
    }
  });
});
