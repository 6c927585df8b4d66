/**
 * "Today", as a calendar date at UTC midnight. `GUIDE_TODAY=2026-03-14` pins
 * it, so that tests and reproducible builds do not change with the clock.
 */
export function today(): Date {
	const pinned = process.env.GUIDE_TODAY;
	if (pinned) {
		const d = new Date(`${pinned}T00:00:00Z`);
		if (Number.isNaN(d.getTime())) {
			throw new Error(`GUIDE_TODAY="${pinned}" is not a date (write it as year-month-day, like 2026-03-14)`);
		}
		return d;
	}
	const now = new Date();
	return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}
