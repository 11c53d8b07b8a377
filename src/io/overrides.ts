import { DatasetError, createIssue } from "../errors.js";
import type { Dataset, DatasetInput, IndicatorData } from "./dataset.js";

/** One what-if change: a unit's data for an indicator in a period (a field, or the whole value). */
export interface Override {
  readonly unit: string;
  readonly period: string;
  readonly code: string;
  /** Field to set; omitted: the indicator's whole value (`true`, `"n/a"`, `{a: 3, b: 4}`). */
  readonly field?: string;
  readonly value: string | number | boolean | null | Record<string, string | number | boolean | null>;
}

/**
 * Applies what-if overrides to a copy of a dataset. A change goes to the appraised data when the
 * unit has an appraisal for that indicator and period (it is what counts), else to the self-assessed data.
 * @param dataset The dataset (not modified).
 * @param overrides Changes.
 * @returns A new dataset with the changes.
 */
export function applyOverrides(dataset: Dataset | DatasetInput, overrides: readonly Override[]): DatasetInput {
  const copy = structuredClone(dataset) as DatasetInput;
  for (const o of overrides) {
    const unit = copy.units.find((u) => u.id === o.unit);
    if (!unit)
      throw new DatasetError([
        createIssue("dataset", "unknownUnit", { unit: o.unit }, { received: o.unit, expected: copy.units.map((u) => u.id).join(", ") }),
      ]);
    const inAppraisal = unit.appraisal?.[o.period]?.[o.code] !== undefined;
    const target = inAppraisal ? unit.appraisal! : (unit.data ??= {});
    const period = (target[o.period] ??= {});
    if (o.field === undefined) {
      period[o.code] = o.value as IndicatorData;
      continue;
    }
    const cur = period[o.code];
    // A scalar is the shorthand of an indicator's only field, which this change replaces.
    const entry: Record<string, unknown> = cur !== null && typeof cur === "object" ? { ...cur } : {};
    entry[o.field] = o.value;
    period[o.code] = entry as IndicatorData;
  }
  return copy;
}
