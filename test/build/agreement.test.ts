/**
 * `npm run check` and the build agree. Every bad content folder is refused
 * by both, and the build's output names every problem the check finds, word
 * for word; every good folder is accepted by both, warnings and all. A real
 * `astro build` runs for each (a refused build stops in its first second).
 *
 * The messages themselves are pinned in test/unit/check-messages.test.ts.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check-content.ts';
import { createEntry } from '../../src/lib/new-entry.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { FIXTURE_CONTENT, FIXTURE_TODAY, OUT, ROOT, SAMPLE_CONTENT, buildSite, outDirOf } from '../helpers/build.ts';
import { fill, useEveryField } from '../helpers/templates.ts';

const today = new Date(`${FIXTURE_TODAY}T00:00:00Z`);
const fixture = (name: string) => path.join(ROOT, 'test/fixtures', name);

function checkAndBuild(name: string, contentDir: string) {
	const check = checkContent(contentDir, { today });
	const build = buildSite({ name: `agreement-${name}`, contentDir, today: FIXTURE_TODAY });
	return { check, build };
}

const BAD = ['yaml', 'fields', 'values', 'references', 'consent', 'site', 'themes', 'empty'];

describe('the check and the build refuse the same bad content', () => {
	for (const name of BAD) {
		it(`bad/${name}`, () => {
			const { check, build } = checkAndBuild(`bad-${name}`, fixture(`bad/${name}`));
			expect(check.errors.length).toBeGreaterThan(0);
			expect(build.status, build.output.slice(-3000)).not.toBe(0);
			expect(build.output).toContain('The guides cannot be built until these problems are fixed');
			// Word for word, errors and warnings alike: the build prints what the check finds.
			const missing = check.problems.map(formatProblem).filter((line) => !build.output.includes(line));
			expect(missing).toEqual([]);
			expect(existsSync(path.join(build.outDir, 'index.html'))).toBe(false);
		});
	}
});

describe('the check and the build accept the same good content', () => {
	for (const name of ['edge', 'warnings']) {
		it(`good/${name}`, () => {
			const { check, build } = checkAndBuild(`good-${name}`, fixture(`good/${name}`));
			expect(check.errors).toEqual([]);
			expect(build.status, build.output.slice(-3000)).toBe(0);
			const missing = check.problems.map(formatProblem).filter((line) => !build.output.includes(line));
			expect(missing).toEqual([]);
			for (const asset of check.loaded.assets.filter((a) => !a.data.draft)) {
				expect(existsSync(path.join(build.outDir, asset.n, 'assets', asset.slug, 'index.html'))).toBe(true);
			}
		});
	}

	it('the sample guides and the fixture site, built before the tests', () => {
		// The sample is built for today, the fixture site for its fixed day.
		expect(checkContent(SAMPLE_CONTENT).errors).toEqual([]);
		expect(checkContent(FIXTURE_CONTENT, { today }).errors).toEqual([]);
		for (const site of ['sample', 'fixture'] as const) expect(existsSync(path.join(outDirOf(site), 'index.html'))).toBe(true);
	});
});

describe('files made by npm run new', () => {
	function newFiles(name: string) {
		const dir = path.join(OUT, `content-${name}`);
		rmSync(dir, { recursive: true, force: true });
		cpSync(fixture('good/edge'), dir, { recursive: true });
		const made = [
			createEntry({ contentDir: dir, type: 'asset', n: 'millbrook', title: 'Tea on the Boat', today }),
			createEntry({ contentDir: dir, type: 'asset', n: 'millbrook', title: 'Joan plays the piano', kind: 'gift', today }),
			createEntry({ contentDir: dir, type: 'story', n: 'millbrook', title: 'My first walk', mdx: true, today }),
			createEntry({ contentDir: dir, type: 'neighbourhood', n: 'south-bank', title: 'South Bank', today }),
		];
		return { dir, made };
	}

	it('are refused by both until they are filled in', () => {
		const { dir, made } = newFiles('new-untouched');
		const { check, build } = checkAndBuild('new-untouched', dir);
		for (const file of made.map((m) => m.file)) expect(check.errors.some((p) => p.file === file)).toBe(true);
		expect(build.status).not.toBe(0);
		expect(check.problems.map(formatProblem).filter((line) => !build.output.includes(line))).toEqual([]);
	});

	it('are accepted by both once filled in, and published', () => {
		const { dir, made } = newFiles('new-filled');
		// The first as it comes; the others with every optional field in use (each alias may lead to one entry only).
		made.forEach(({ file }, index) => {
			const text = readFileSync(file, 'utf8');
			writeFileSync(file, fill(index === 0 ? text : useEveryField(text)).replace('draft: true', 'draft: false'));
		});
		const { check, build } = checkAndBuild('new-filled', dir);
		expect(check.errors).toEqual([]);
		expect(build.status, build.output.slice(-3000)).toBe(0);
		for (const { address } of made) expect(existsSync(path.join(build.outDir, address, 'index.html'))).toBe(true);
	});
});
