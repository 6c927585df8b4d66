/**
 * A content folder that moves (or another one built into the same output)
 * builds: Astro's content cache from the old folder named MDX files that
 * were gone, and the build stopped with "Rolldown failed to resolve import".
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_CONTENT, buildSite } from '../helpers/build.ts';
import { removeScratch, scratchDir } from '../helpers/scratch.ts';

afterAll(removeScratch);

describe('a content folder that has moved', () => {
	it('builds into the same output, reading everything afresh', () => {
		const first = path.join(scratchDir('glg-moved-'), 'content');
		cpSync(SAMPLE_CONTENT, first, { recursive: true });
		const before = buildSite({ name: 'content-moved', contentDir: first });
		expect(before.status, before.output.slice(-3000)).toBe(0);

		const moved = path.join(scratchDir('glg-moved-'), 'content');
		cpSync(first, moved, { recursive: true });
		rmSync(first, { recursive: true, force: true });
		const after = buildSite({ name: 'content-moved', contentDir: moved });
		expect(after.status, after.output.slice(-3000)).toBe(0);
		expect(after.output).toContain('The content folder is not the one the last build read, so everything is read afresh.');
	}, 240_000);
});
