/** An own property of a plain record, never one inherited from Object.prototype ("constructor", "toString"…). */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
