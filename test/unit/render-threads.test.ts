/**
 * GUIDE_RENDER_THREADS, the number of worker threads that render pages
 * (Astro's experimental.parallelPrerender): off unless asked for, and a value
 * that is not a number of threads is refused with the fix, not ignored.
 */
import { describe, expect, it } from 'vitest';
import { renderThreads } from '../../src/lib/settings.ts';

describe('GUIDE_RENDER_THREADS', () => {
	it("renders on Astro's own thread when unset, empty, 0 or off", () => {
		for (const value of [undefined, '', ' ', '0', 'off', 'OFF']) expect(renderThreads(value), String(value)).toBe(false);
	});

	it('takes a whole number of threads, or auto for one fewer than the cores', () => {
		expect(renderThreads('1')).toEqual({ workers: 1 });
		expect(renderThreads(' 3 ')).toEqual({ workers: 3 });
		expect(renderThreads('auto')).toBe(true);
	});

	it('refuses anything else, naming the setting, the value and the fix', () => {
		for (const value of ['two', '1.5', '-1', '3 threads', '1000']) {
			expect(() => renderThreads(value), value).toThrow(`GUIDE_RENDER_THREADS="${value}" is not a number of threads: write a whole number like 3`);
		}
	});
});
