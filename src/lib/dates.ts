/**
 * Calendar dates as `YYYY-MM-DD` strings in the Asia/Seoul time zone.
 * Content dates are calendar days, not instants, so they stay strings end to end:
 * ISO strings compare correctly with `<`, and no time zone can shift them.
 */

/** The time zone every date of the site is read in. */
export const TIME_ZONE = 'Asia/Seoul';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is `YYYY-MM-DD` and names a day that exists (2018-02-31 does not). */
export function isRealDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** The calendar day of an instant in Asia/Seoul, as `YYYY-MM-DD`. */
export function seoulDate(instant: Date): string {
  // en-CA formats as YYYY-MM-DD. One formatter, made on first use: constructing an
  // Intl.DateTimeFormat costs ~0.1 ms, and the build asks for thousands of file dates.
  seoulFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
  });
  return seoulFormat.format(instant);
}
let seoulFormat: Intl.DateTimeFormat | undefined;

/**
 * "Today" in Asia/Seoul. `SITE_NOW=YYYY-MM-DD` pins it (tests, demos of the 2018 seeds).
 * @param env the environment to read `SITE_NOW` from (defaults to `process.env`).
 * @param now the current instant (defaults to the clock).
 */
export function today(env: Record<string, string | undefined> = process.env, now: Date = new Date()): string {
  const pinned = env.SITE_NOW?.trim();
  if (pinned) {
    if (!isRealDate(pinned)) {
      throw new Error(`SITE_NOW="${pinned}" is not a real YYYY-MM-DD date`);
    }
    return pinned;
  }
  return seoulDate(now);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** Add whole days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** `2018-05-13` → `2018.05.13`, the way Korean public sites print dates. */
export function formatDate(date: string): string {
  return date.replaceAll('-', '.');
}

/** A period as the source table prints it: `2018.05.03 ~ 2018.05.13`. */
export function formatPeriod(period: { start: string; end: string }): string {
  return `${formatDate(period.start)} ~ ${formatDate(period.end)}`;
}

/**
 * Normalise what a YAML parser gives for a date field: a string stays as written;
 * a `Date` (Astro's YAML parser turns unquoted dates into Dates) becomes its UTC day.
 * Anything else is returned unchanged for the schema to reject.
 */
export function toDateText(value: unknown): unknown {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return value;
}
