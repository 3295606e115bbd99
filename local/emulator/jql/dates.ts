// JQL date operands: absolute dates, relative periods ("-7d", "4w 2d") and the date functions.
// All calendar arithmetic is in UTC (Jira uses the user's time zone; the dataset's users are UTC).

const MINUTE = 60_000;
const UNIT_MS: Record<string, number> = { m: MINUTE, h: 60 * MINUTE, d: 24 * 60 * MINUTE, w: 7 * 24 * 60 * MINUTE };

/** "-7d", "4w 2d", "+1h", "-30m" → milliseconds, or undefined when not a period. */
export function parsePeriod(text: string): number | undefined {
  const m = /^\s*([+-])?\s*((?:\d+\s*[wdhm]\s*)+)$/i.exec(text);
  if (!m) return undefined;
  let total = 0;
  for (const part of m[2].matchAll(/(\d+)\s*([wdhm])/gi)) total += Number(part[1]) * UNIT_MS[part[2].toLowerCase()];
  return m[1] === '-' ? -total : total;
}

/** "yyyy-MM-dd", "yyyy/MM/dd", optionally followed by " HH:mm", in UTC. */
export function parseAbsolute(text: string): number | undefined {
  const m = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?\s*$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  return Number.isNaN(ms) ? undefined : ms;
}

export function parseDateValue(text: string, now: Date): number | undefined {
  if (/^-?\d{10,}$/.test(text)) return Number(text); // epoch milliseconds, as Jira accepts
  const period = parsePeriod(text);
  if (period !== undefined) return now.getTime() + period;
  return parseAbsolute(text);
}

type Unit = 'day' | 'week' | 'month' | 'year';

function startOf(unit: Unit, ms: number): Date {
  const d = new Date(ms);
  switch (unit) {
    case 'day':
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    case 'week': {
      // Jira's default week starts on Sunday.
      const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
      return new Date(day.getTime() - day.getUTCDay() * UNIT_MS.d);
    }
    case 'month':
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
    case 'year':
      return new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  }
}

function addUnits(date: Date, amount: number, unit: string): number {
  const d = new Date(date.getTime());
  switch (unit) {
    case 'y':
    case 'year':
      d.setUTCFullYear(d.getUTCFullYear() + amount);
      return d.getTime();
    case 'M':
    case 'month':
      d.setUTCMonth(d.getUTCMonth() + amount);
      return d.getTime();
    case 'w':
    case 'week':
      return d.getTime() + amount * UNIT_MS.w;
    case 'd':
    case 'day':
      return d.getTime() + amount * UNIT_MS.d;
    case 'h':
      return d.getTime() + amount * UNIT_MS.h;
    case 'm':
      return d.getTime() + amount * MINUTE;
    default:
      return NaN;
  }
}

const DATE_FUNCTIONS: Record<string, { unit: Unit; end: boolean }> = {
  startofday: { unit: 'day', end: false },
  endofday: { unit: 'day', end: true },
  startofweek: { unit: 'week', end: false },
  endofweek: { unit: 'week', end: true },
  startofmonth: { unit: 'month', end: false },
  endofmonth: { unit: 'month', end: true },
  startofyear: { unit: 'year', end: false },
  endofyear: { unit: 'year', end: true },
};

export const isDateFunction = (name: string): boolean =>
  name.toLowerCase() === 'now' || name.toLowerCase() in DATE_FUNCTIONS;

/** Evaluates now()/startOfDay("-1")/endOfWeek("+1w")...; undefined for a bad increment. */
export function evalDateFunction(name: string, args: string[], now: Date): number | undefined {
  const lower = name.toLowerCase();
  if (lower === 'now') return now.getTime();
  const spec = DATE_FUNCTIONS[lower];
  if (!spec) return undefined;
  let base = startOf(spec.unit, now.getTime());
  if (args[0] !== undefined && args[0].trim() !== '') {
    const m = /^\s*([+-]?\d+)\s*([yMwdhm]?)\s*$/.exec(args[0]);
    if (!m) return undefined;
    base = new Date(addUnits(base, Number(m[1]), m[2] || spec.unit));
  }
  if (!spec.end) return base.getTime();
  // "end of" = the last millisecond of the unit that contains the (shifted) base.
  const startOfUnit = startOf(spec.unit, base.getTime());
  return addUnits(startOfUnit, 1, spec.unit) - 1;
}
