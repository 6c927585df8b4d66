/**
 * Which neighbourhoods a build makes: --only for previews, --shard i/N for a
 * network split over machines. Shards must be stable (a neighbourhood never
 * moves while N stays), cover every neighbourhood once, and be roughly even;
 * bad flags must say what is wrong and how to fix it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBuildArgs } from '../../scripts/build.ts';
import { generateCorpus } from '../../scripts/lib/corpus.ts';
import { checkContent } from '../../src/lib/check-content.ts';
import { loadContent } from '../../src/lib/content-files.ts';
import { neighbourhoodOfFile, scopeProblems } from '../../src/lib/build-scope.ts';
import type { Problem } from '../../src/lib/problems.ts';
import { describeSelection, parseOnly, parseShard, selected, selectionFrom, selects, shardOf, unknownNames } from '../../src/lib/selection.ts';

const names = (count: number, prefix = 'place') => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

describe('parseShard', () => {
	it('reads which shard of how many', () => {
		expect(parseShard('2/4')).toEqual({ kind: 'shard', index: 2, count: 4 });
		expect(parseShard(' 1 / 1 ')).toEqual({ kind: 'shard', index: 1, count: 1 });
	});

	it('says what is wrong with a shard that does not exist, and what to write instead', () => {
		expect(() => parseShard('3/2')).toThrowErrorMatchingInlineSnapshot(
			`[SelectionError: --shard 3/2: there is no shard 3 of 2 (shards are numbered 1 to 2: use --shard 1/2 up to --shard 2/2)]`,
		);
		expect(() => parseShard('0/2')).toThrowErrorMatchingInlineSnapshot(
			`[SelectionError: --shard 0/2: there is no shard 0 of 2 (shards are numbered 1 to 2: use --shard 1/2 up to --shard 2/2)]`,
		);
		expect(() => parseShard('1/0')).toThrowErrorMatchingInlineSnapshot(`[SelectionError: --shard 1/0: there must be at least one shard (like --shard 1/4)]`);
		expect(() => parseShard('two', 'GUIDE_SHARD')).toThrowErrorMatchingInlineSnapshot(
			`[SelectionError: GUIDE_SHARD "two" is not a shard (write which one and how many, like GUIDE_SHARD 1/4: shards are numbered from 1)]`,
		);
	});
});

describe('shardOf', () => {
	it('puts every neighbourhood in exactly one shard', () => {
		const all = names(500);
		const shards = [1, 2, 3, 4, 5].map((index) => selected({ kind: 'shard', index, count: 5 }, all));
		expect(shards.flat().sort()).toEqual([...all].sort());
	});

	it('depends on the name alone: adding neighbourhoods, or listing them in another order, moves none', () => {
		const before = names(200);
		const after = [...names(50, 'new'), ...before].reverse();
		for (const n of before) expect(shardOf(n, 7)).toBe(shardOf(n, 7));
		const inShard2Before = selected({ kind: 'shard', index: 2, count: 7 }, before);
		const inShard2After = selected({ kind: 'shard', index: 2, count: 7 }, after).filter((n) => before.includes(n));
		expect(inShard2After.sort()).toEqual(inShard2Before.sort());
	});

	it('is the same from release to release (a change would move neighbourhoods between CI jobs)', () => {
		// The first four bytes of the name's SHA-256, mod N, plus one; the same in any language, for other tools.
		expect(['mill-lane', 'weavers-row', 'chapel-fold', 'a'].map((n) => shardOf(n, 4))).toEqual([4, 3, 4, 3]);
	});

	it('spreads a network roughly evenly', () => {
		const counts = new Map<number, number>();
		for (const n of names(4000)) counts.set(shardOf(n, 8), (counts.get(shardOf(n, 8)) ?? 0) + 1);
		expect(counts.size).toBe(8);
		for (const count of counts.values()) expect(Math.abs(count - 500)).toBeLessThan(100);
	});
});

describe('--only', () => {
	it('reads one or several names, each once', () => {
		expect(parseOnly('mill-lane')).toEqual({ kind: 'only', names: ['mill-lane'] });
		expect(parseOnly('a, b,a,')).toEqual({ kind: 'only', names: ['a', 'b'] });
		expect(selects(parseOnly('a,b'), 'b')).toBe(true);
		expect(selects(parseOnly('a,b'), 'c')).toBe(false);
	});

	it('names a neighbourhood that does not exist, with the likely one', () => {
		expect(unknownNames(parseOnly('mill-lan,weavers-row,nowhere'), ['chapel-fold', 'mill-lane', 'weavers-row'])).toMatchInlineSnapshot(`
			[
			  "--only mill-lan: there is no neighbourhood "mill-lan" (did you mean "mill-lane"? use the name of a folder in content/neighbourhoods/: chapel-fold, mill-lane, weavers-row)",
			  "--only nowhere: there is no neighbourhood "nowhere" (use the name of a folder in content/neighbourhoods/: chapel-fold, mill-lane, weavers-row)",
			]
		`);
		expect(unknownNames(parseOnly('x'), names(20))[0]).toContain('(20 of them)');
	});

	it('refuses an empty list', () => {
		expect(() => parseOnly(' , ')).toThrowErrorMatchingInlineSnapshot(
			`[SelectionError: --only needs the folder name of a neighbourhood (like --only mill-lane; several: --only mill-lane,weavers-row)]`,
		);
	});
});

describe('settings and flags', () => {
	it('builds everything when neither is set', () => {
		expect(selectionFrom({})).toEqual({ kind: 'all' });
		expect(describeSelection(selectionFrom({ shard: '2/3' }))).toBe('shard 2 of 3');
		expect(describeSelection(selectionFrom({ only: 'a,b' }))).toBe('only a, b');
	});

	it('refuses a preview and a shard at once', () => {
		expect(() => selectionFrom({ only: 'a', shard: '1/2' })).toThrow(/GUIDE_ONLY and GUIDE_SHARD cannot be used together/);
		expect(() => parseBuildArgs(['--only', 'a', '--shard', '1/2'])).toThrow(/--only and --shard cannot be used together/);
	});

	it('takes --only and --shard in either spelling, and passes everything else to astro build', () => {
		expect(parseBuildArgs(['--only', 'a', '--verbose', '--only=b'])).toEqual({ only: 'a,b', rest: ['--verbose'] });
		expect(parseBuildArgs(['--shard=2/4'])).toEqual({ shard: '2/4', rest: [] });
		expect(parseBuildArgs([])).toEqual({ rest: [] });
	});

	it('says what a flag without its value needs', () => {
		expect(() => parseBuildArgs(['--shard'])).toThrowErrorMatchingInlineSnapshot(`[SelectionError: --shard needs which shard and how many (like --shard 1/4)]`);
		expect(() => parseBuildArgs(['--only', '--verbose'])).toThrow(/--only needs the folder name of a neighbourhood/);
		expect(() => parseBuildArgs(['--shard', '1/2', '--shard', '2/2'])).toThrow(/--shard is given twice/);
	});
});

describe('scopeProblems', () => {
	const root = '/content';
	const problem = (file: string, severity: Problem['severity'] = 'error'): Problem => ({ file, message: 'is wrong', severity });
	const problems = [
		problem('/content/site.yaml'),
		problem('/content/neighbourhoods/mill-lane/assets/a.md'),
		problem('/content/neighbourhoods/weavers-row/assets/b.md'),
		problem('/content/neighbourhoods/weavers-row/notes.txt', 'warning'),
	];

	it('finds the neighbourhood of a file', () => {
		expect(neighbourhoodOfFile(root, '/content/neighbourhoods/mill-lane/stories/x.mdx')).toBe('mill-lane');
		expect(neighbourhoodOfFile(root, '/content/themes.yaml')).toBeUndefined();
	});

	it('stops a preview only for its own neighbourhoods and the site-wide files', () => {
		const scoped = scopeProblems(problems, parseOnly('mill-lane'), root);
		expect(scoped.errors.map((p) => p.file)).toEqual(['/content/site.yaml', '/content/neighbourhoods/mill-lane/assets/a.md']);
		expect(scoped.elsewhere.map((p) => p.file)).toEqual(['/content/neighbourhoods/weavers-row/assets/b.md']);
		expect(scoped.warnings).toEqual([]);
	});

	it('stops a shard and a whole build for every error in the network', () => {
		for (const selection of [parseShard('1/2'), selectionFrom({})]) {
			const scoped = scopeProblems(problems, selection, root);
			expect(scoped.errors).toHaveLength(3);
			expect(scoped.warnings).toHaveLength(1);
			expect(scoped.elsewhere).toEqual([]);
		}
	});
});

describe('checking part of a network (a shard, a preview)', () => {
	const temp = mkdtempSync(path.join(os.tmpdir(), 'scope-test-'));
	afterAll(() => rmSync(temp, { recursive: true, force: true }));
	const corpus = generateCorpus({ dir: path.join(temp, 'content'), neighbourhoods: 2, assetsPerNeighbourhood: 30, storiesPerNeighbourhood: 0, seed: 4 });
	const [a, b] = corpus.neighbourhoods.map((hood) => hood.n);
	const today = new Date('2026-06-01T00:00:00Z');
	// A story in one neighbourhood about a gift in the other, naming what the gift's consent withholds.
	const loaded = loadContent(corpus.dir, { today });
	const gift = loaded.assets.find((asset) => asset.n === b && asset.data.consent === 'first-name')!;
	const surname = gift.data.contact!.name!.split(/\s+/).at(-1)!;
	mkdirSync(path.join(corpus.dir, 'neighbourhoods', a, 'stories'), { recursive: true });
	writeFileSync(
		path.join(corpus.dir, 'neighbourhoods', a, 'stories', 'across-the-road.md'),
		`---\ntitle: Across the road\nsummary: A visit.\nauthor: A neighbour\ndate: 2026-05-01\nassets: [${b}/${gift.slug}]\nconsent:\n  given: true\n  date: 2026-05-01\n---\n\nI went to see ${surname} on Tuesday.\n`,
	);
	const inFile = (n: string) => (p: Problem) => p.file.includes(`/neighbourhoods/${n}/`);

	it('checks what the chosen neighbourhoods say, with links resolved across the whole network', () => {
		const whole = checkContent(corpus.dir, { today });
		const partA = checkContent(corpus.dir, { today, entryChecksOf: (n) => n === a });
		const story = (check: typeof whole) => check.problems.filter((p) => p.file.endsWith('across-the-road.md') && p.message.includes(surname));
		expect(story(whole)).toHaveLength(1);
		expect(story(partA)).toEqual(story(whole));
		// The other neighbourhood's own advice (staleness, long sentences) is left to its own build...
		expect(whole.problems.some(inFile(b))).toBe(true);
		expect(partA.problems.some(inFile(b))).toBe(false);
		// ...and the chosen one's is all there.
		expect(partA.problems.filter(inFile(a))).toEqual(whole.problems.filter(inFile(a)));
	});
});
