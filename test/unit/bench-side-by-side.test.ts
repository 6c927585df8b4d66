/** Reading Astro's log for `npm run bench:side-by-side` (scripts/bench-side-by-side.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchOf, pagesSeconds } from '../../scripts/bench-side-by-side.ts';
import { ASTRO_ALLOCATOR_ENV, ASTRO_NODE_FLAGS } from '../../src/lib/allocators.ts';
import { median } from '../../scripts/lib/cli.ts';

/** The shape of a real build's log (Astro 7.4.7), cut down. */
const LOG = `03:10:01 [build] Collecting build info...
03:10:01 [build] ✓ Completed in 4.30s.
03:10:01 [build] Building static entrypoints...
03:10:03 [vite] ✓ built in 1.95s
 generating static routes 
03:10:04   ├─ /404.html03:10:04   ├─ /abbey-green/a-to-z/index.html (+485ms) 
03:10:05 [build] More than 100 pages: the rest are not listed one by one (the total is at the end).
03:10:20 ✓ Completed in 16.55s.
03:10:20 [build] ✓ Completed in 18.75s.
03:10:31 [build] 6685 page(s) built in 34.31s
`;

describe('the side-by-side benchmark', () => {
	it("reads the pages' time from the line after Astro starts generating them, not the earlier or later totals", () => {
		expect(pagesSeconds(LOG)).toBe(16.55);
	});

	it('reads it through colours, and in milliseconds', () => {
		expect(pagesSeconds(LOG.replace('✓ Completed in 16.55s.', '\x1b[32m✓ Completed in 950ms.\x1b[39m'))).toBe(0.95);
	});

	it('reads it past a minute, as Astro writes it there', () => {
		expect(pagesSeconds(LOG.replace('✓ Completed in 16.55s.', '✓ Completed in 1m 13s.'))).toBe(73);
	});

	it('says it does not know when the log has no such line', () => {
		expect(pagesSeconds(LOG.replace('generating static routes', 'rendering'))).toBeUndefined();
		expect(pagesSeconds(' generating static routes \nsomething else\n')).toBeUndefined();
	});

	it('takes the middle of an odd number of runs and the mean of the middle two of an even one', () => {
		expect(median([1.1, 0.9, 1.0])).toBe(1.0);
		expect(median([0.9, 1.2, 1.0, 1.1])).toBeCloseTo(1.05);
		expect(median([])).toBeNaN();
	});

	it("starts each build with its own commit's Node flags and allocator settings, and none for a commit from before them", async () => {
		expect(await launchOf(path.resolve(import.meta.dirname, '../..'))).toEqual({ flags: ASTRO_NODE_FLAGS, env: ASTRO_ALLOCATOR_ENV });
		const tree = mkdtempSync(path.join(tmpdir(), 'side-by-side-'));
		try {
			expect(await launchOf(tree)).toEqual({ flags: [], env: {} });
			mkdirSync(path.join(tree, 'src/lib'), { recursive: true });
			writeFileSync(path.join(tree, 'src/lib/allocators.ts'), "export const ASTRO_NODE_FLAGS = ['--max-semi-space-size=32'];\nexport const ASTRO_ALLOCATOR_ENV = { MALLOC_ARENA_MAX: '4' };\n");
			expect(await launchOf(tree)).toEqual({ flags: ['--max-semi-space-size=32'], env: { MALLOC_ARENA_MAX: '4' } });
		} finally {
			rmSync(tree, { recursive: true, force: true });
		}
	});
});
