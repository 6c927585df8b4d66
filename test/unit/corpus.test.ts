/**
 * The synthetic corpus is only useful if it is a real, valid guide: it must
 * pass the same check as residents' content, cover every kind of entry, and be
 * the same for the same seed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus.ts';
import { checkContent } from '../../src/lib/check-content.ts';
import { withheldNameParts } from '../../src/lib/consent.ts';
import { listFiles } from '../helpers/dist.ts';

const TODAY = new Date('2026-06-01T00:00:00Z');
const temp = mkdtempSync(path.join(os.tmpdir(), 'corpus-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function generate(name: string, seed: number, extra: Partial<Parameters<typeof generateCorpus>[0]> = {}) {
	return generateCorpus({ dir: path.join(temp, name), neighbourhoods: 4, assetsPerNeighbourhood: 60, storiesPerNeighbourhood: 10, seed, ...extra });
}

describe('generateCorpus', () => {
	const corpus = generate('a', 42);
	const check = checkContent(corpus.dir, { today: TODAY });

	it('writes a content folder that passes the check, with warnings only for the entries it makes overdue', () => {
		expect(check.errors).toEqual([]);
		expect(check.problems.filter((p) => p.field !== 'last_checked')).toEqual([]);
		expect(check.loaded.neighbourhoods).toHaveLength(4);
		expect(check.loaded.assets).toHaveLength(240);
		expect(check.loaded.stories).toHaveLength(40);
		expect(corpus.entryPages).toBe(4 + 240 + 40);
	});

	it('has entries of every kind, consent level, cost and schedule shape', () => {
		const assets = check.loaded.assets.map((a) => a.data);
		expect(new Set(assets.map((a) => a.kind))).toEqual(new Set(['gift', 'group', 'place', 'organisation', 'business']));
		expect(new Set(assets.filter((a) => a.kind === 'gift').map((a) => a.consent))).toEqual(new Set(['public', 'first-name', 'via-connector']));
		expect(new Set(assets.map((a) => a.cost))).toEqual(new Set(['free', 'donation', 'paid']));
		expect(assets.some((a) => a.just_turn_up)).toBe(true);
		expect(assets.some((a) => !a.just_turn_up && a.how_to_join)).toBe(true);
		// Weekly, some weeks of the month, several days, no times, only words, nothing at all.
		expect(assets.some((a) => a.when?.length === 1 && !a.when[0].weeks && a.when[0].start)).toBe(true);
		expect(assets.some((a) => a.when?.some((w) => w.weeks?.includes('last')))).toBe(true);
		expect(assets.some((a) => (a.when?.length ?? 0) >= 5)).toBe(true);
		expect(assets.some((a) => a.when?.some((w) => !w.start))).toBe(true);
		expect(assets.some((a) => !a.when?.length && a.when_note)).toBe(true);
		expect(assets.some((a) => a.access.length > 0)).toBe(true);
		expect(assets.some((a) => a.image)).toBe(true);
		expect(assets.some((a) => a.aliases?.length)).toBe(true);
		// Some entries are overdue a check, some are not.
		const stale = assets.filter((a) => TODAY.getTime() - a.last_checked.getTime() > 366 * 86_400_000);
		expect(stale.length).toBeGreaterThan(0);
		expect(stale.length).toBeLessThan(assets.length);
	});

	it('writes stories that link to assets, some in MDX with the story components', () => {
		const stories = check.loaded.stories;
		expect(stories.filter((s) => s.data.assets.length > 0).length).toBeGreaterThan(stories.length / 2);
		const mdx = stories.filter((s) => s.format === 'mdx');
		expect(mdx.length).toBeGreaterThan(0);
		expect(mdx.every((s) => /<AssetCard slug="[a-z0-9-]+" \/>/.test(s.body) && s.body.includes('<PullQuote'))).toBe(true);
	});

	it('reports the withheld names, and writes them only in the contact field', () => {
		const fromContent = check.loaded.assets.flatMap((a) => withheldNameParts(a.data));
		expect(fromContent.length).toBeGreaterThan(0);
		expect(new Set(corpus.withheldNames)).toEqual(new Set(fromContent));
		for (const record of [...check.loaded.assets, ...check.loaded.stories, ...check.loaded.neighbourhoods]) {
			const { contact: _contact, ...rest } = record.data as Record<string, unknown>;
			const shown = `${JSON.stringify(rest)}\n${record.body}`;
			for (const name of corpus.withheldNames) expect(shown, `${record.file} mentions ${name}`).not.toMatch(new RegExp(`\\b${name}\\b`, 'i'));
		}
	});

	it('is the same for the same seed, and different for another', () => {
		const again = generate('b', 42);
		const other = generate('c', 43);
		const files = listFiles(corpus.dir);
		expect(listFiles(again.dir)).toEqual(files);
		for (const file of files) expect(readFileSync(path.join(again.dir, file)), file).toEqual(readFileSync(path.join(corpus.dir, file)));
		expect(listFiles(other.dir)).not.toEqual(files);
	});

	it('can make one big neighbourhood (for print) and many small ones', () => {
		const big = generate('big', 5, { neighbourhoods: 1, assetsPerNeighbourhood: 200, storiesPerNeighbourhood: 0 });
		const bigCheck = checkContent(big.dir, { today: TODAY });
		expect(bigCheck.errors).toEqual([]);
		expect(bigCheck.loaded.assets).toHaveLength(200);
		const many = generate('many', 6, { neighbourhoods: 60, assetsPerNeighbourhood: 1, storiesPerNeighbourhood: 1 });
		expect(new Set(many.neighbourhoods.map((n) => n.n)).size).toBe(60);
		expect(checkContent(many.dir, { today: TODAY }).errors).toEqual([]);
		// Checking 60 neighbourhoods takes a few seconds of CPU: more than the default 5s on a busy two-core machine.
	}, 60_000);

	it('never writes over a folder it did not make', () => {
		generate('precious', 1, { neighbourhoods: 1, assetsPerNeighbourhood: 1, storiesPerNeighbourhood: 0 });
		// Writing again over its own corpus is fine...
		expect(() => generate('precious', 2, { neighbourhoods: 1, assetsPerNeighbourhood: 1, storiesPerNeighbourhood: 0 })).not.toThrow();
		// ...but not over anything else.
		const other = path.join(temp, 'notes');
		generateCorpus({ dir: other, neighbourhoods: 1, assetsPerNeighbourhood: 0, storiesPerNeighbourhood: 0 });
		rmSync(path.join(other, '.generated-corpus'));
		writeFileSync(path.join(other, 'my-notes.txt'), 'keep me');
		expect(() => generateCorpus({ dir: other, neighbourhoods: 1, assetsPerNeighbourhood: 1, storiesPerNeighbourhood: 0 })).toThrow(/not empty/);
		expect(readFileSync(path.join(other, 'my-notes.txt'), 'utf8')).toBe('keep me');
	});
});
