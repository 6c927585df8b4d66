/**
 * A neighbourhood written by someone who has only read the content contract,
 * dropped into a copy of the sample content, builds into a full guide with no
 * code change.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeScratch, scratchDir } from '../helpers/scratch.ts';
import { ROOT, SAMPLE_CONTENT, buildOrThrow } from '../helpers/build.ts';
import { listFiles, mainText, readPage } from '../helpers/dist.ts';

afterAll(removeScratch);

let dist: string;

beforeAll(() => {
	const content = scratchDir('stranger-');
	cpSync(SAMPLE_CONTENT, content, { recursive: true });
	cpSync(path.join(ROOT, 'test/fixtures/stranger/hilltop'), path.join(content, 'neighbourhoods/hilltop'), { recursive: true });
	dist = buildOrThrow({ name: 'stranger', contentDir: content, env: { GUIDE_PDF: 'off' } });
});

describe('a new neighbourhood dropped into content/', () => {
	it('gets its guide, entries, stories, week and themes', () => {
		const files = listFiles(dist);
		for (const file of [
			'hilltop/index.html',
			'hilltop/assets/tower-tea/index.html',
			'hilltop/assets/ladder-loan/index.html',
			'hilltop/stories/windy-days/index.html',
			'hilltop/whats-on/index.html',
			'hilltop/themes/food/index.html',
		]) {
			expect(files).toContain(file);
		}
	});

	it('appears on the home page beside the others', () => {
		const home = mainText(readPage(dist, '/'));
		expect(home).toContain('Hilltop');
		expect(home).toContain('Weavers Row');
	});

	it('reads as a guide: stories, someone to ask, the week', () => {
		const guide = mainText(readPage(dist, '/hilltop/'));
		expect(guide).toContain('Windy days and warm tea');
		expect(guide).toContain('Rosa');
		expect(guide).toContain('Every Wednesday, 9:30am to 11:30am');
	});
});
