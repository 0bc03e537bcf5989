/**
 * The publication date in words. Formatted in the background, never in the page: the first
 * `Intl.DateTimeFormat` in a tab sets up ICU's date data, which blocked a fresh tab's main thread for
 * 40–50 ms right after the reader appeared (Chromium 156's trace, 40 corpus pages, December 2026). The background pays that
 * once, off every page; the overlay shows the day as published until the words come back.
 */

/** The calendar day an ISO date names, as written (`2021-04-07` of `2021-04-07T23:30:00-04:00`). */
export function datelineDay(iso: string): string | null {
  return /^(\d{4}-\d{2}-\d{2})(?:T|$)/.exec(iso)?.[1] ?? null;
}

/**
 * The day of publication in words, in the UI language. The day is the one the dateline gives, in the
 * publisher's own time zone: not moved to the reader's (a story of 7 April, 23:30 in New York, is
 * not "April 8" in Paris, and a bare `2026-05-12` is not "May 11" in the Americas).
 */
export function formatDate(iso: string, lang?: string): string {
  const day = datelineDay(iso);
  const date = day ? new Date(`${day}T00:00:00Z`) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(lang || undefined, {
      dateStyle: 'long',
      ...(day ? { timeZone: 'UTC' } : {}),
    }).format(date);
  } catch {
    return iso;
  }
}
