/** What the scripts share in reading their options and giving their figures. */

/** A mistake in how a script was called: it prints the message and how to call it, and exits. */
export class UsageError extends Error {}

/** `--name value` as a whole number of at least `min`. */
export function wholeNumber(name: string, value: string, min: number): number {
	const n = Number(value);
	if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} ${value} is not a whole number of at least ${min}`);
	return n;
}

/** The middle value; with an even number of values, the mean of the middle two (NaN for none). */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const at = (i: number) => sorted[i] ?? Number.NaN;
	return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}
