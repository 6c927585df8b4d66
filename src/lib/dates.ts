/**
 * Dates written year-month-day that are not in the calendar. YAML and
 * JavaScript both read 2026-02-30 as 2 March without a word, so the check
 * looks at the digits as written.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why `2026-02-30` is not a date ("February has 28 days in 2026"), or undefined for a real one. */
export function impossibleDate(text: string): string | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return undefined;
	const [year, month, day] = match.slice(1).map(Number);
	if (month < 1 || month > 12) return `there is no month ${match[2]}`;
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (day < 1) return `there is no day ${match[3]}`;
	if (day > days) return `${MONTHS[month - 1]} has ${days} days${month === 2 ? ` in ${year}` : ''}`;
	return undefined;
}
