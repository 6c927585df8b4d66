/** When an entry was last confirmed, and whether it is due for re-checking. */

/** The date `months` calendar months after `date`. */
export function addMonths(date: Date, months: number): Date {
	const d = new Date(date.getTime());
	const day = d.getUTCDate();
	d.setUTCDate(1);
	d.setUTCMonth(d.getUTCMonth() + months);
	const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
	d.setUTCDate(Math.min(day, lastDay));
	return d;
}

/** Not checked for longer than `staleAfterMonths`: the page says it may have changed. */
export function isStale(lastChecked: Date, staleAfterMonths: number, today: Date): boolean {
	return addMonths(lastChecked, staleAfterMonths).getTime() < today.getTime();
}

/** Stale, or will be within a month: worth re-checking now. */
export function isDueSoon(lastChecked: Date, staleAfterMonths: number, today: Date): boolean {
	return addMonths(lastChecked, staleAfterMonths).getTime() <= addMonths(today, 1).getTime();
}
