// Names of an export's (or revert's) job data values that come in numbered series.
export const PAGE = (n: number): string => `page-${n}`;
export const FAIL = (n: number): string => `fail-${n}`;
