/**
 * `npm run combine` over hand-made shard folders: what it accepts, what it
 * refuses (each with a message that says what to do), and that a failure
 * never leaves half a site behind. test/build/shards.test.ts combines real
 * shard builds.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus.ts';
import { CombineError, combine, type CombineOptions } from '../../src/integrations/combine.ts';
import type { BuildStage, StageContext } from '../../src/integrations/stage.ts';
import { MANIFEST, contentDigest, type ShardManifest } from '../../src/lib/shards.ts';
import { listFiles } from '../helpers/dist.ts';

const temp = mkdtempSync(path.join(os.tmpdir(), 'combine-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const corpus = generateCorpus({ dir: path.join(temp, 'content'), neighbourhoods: 3, assetsPerNeighbourhood: 1, storiesPerNeighbourhood: 0 });
const [a, b, c] = corpus.neighbourhoods.map((hood) => hood.n);
const digest = contentDigest(corpus.dir);
const silent = { info() {}, warn() {}, error() {} };

function shard(name: string, index: number, count: number, files: Record<string, string>, manifest: Partial<ShardManifest> = {}): string {
	const dir = path.join(temp, 'shards', name);
	rmSync(dir, { recursive: true, force: true });
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		writeFileSync(path.join(dir, file), text);
	}
	const full: ShardManifest = {
		format: 'good-life-guides/shard@1',
		index,
		count,
		neighbourhoods: [],
		base: '/',
		site: 'https://guides.example.org/',
		today: '2026-06-01',
		contentDigest: digest,
		...manifest,
	};
	writeFileSync(path.join(dir, MANIFEST), JSON.stringify(full));
	return dir;
}

let one: string;
let two: string;
const out = path.join(temp, 'dist');
beforeEach(() => {
	rmSync(out, { recursive: true, force: true });
	// Every built site has its styles in _astro/, which is also how a later build knows the folder is a site it may replace.
	one = shard('one', 1, 2, { 'index.html': 'home', '_astro/site.css': 'css', [`${a}/index.html`]: a, [`${b}/index.html`]: b }, { neighbourhoods: [a, b] });
	two = shard('two', 2, 2, { 'index.html': 'home', '_astro/site.css': 'css', [`${c}/index.html`]: c, [`${c}/guide.pdf`]: 'pdf' }, { neighbourhoods: [c] });
});

const run = (options: Partial<CombineOptions> = {}) => combine({ shards: [one, two], out, contentDir: corpus.dir, stages: [], logger: silent, ...options });

describe('combine', () => {
	it('puts every shard in one folder, once, without the manifests, and runs the site-wide stages over it', async () => {
		const seen: StageContext[] = [];
		const stage = (name: string, scope?: 'site'): BuildStage => ({
			name,
			scope,
			async run(context) {
				seen.push(context);
				writeFileSync(path.join(context.outDir, `${name}.txt`), String(listFiles(context.outDir).length));
			},
		});
		const result = await run({ stages: [stage('per-shard'), stage('site-wide', 'site')], shards: [two, one] });

		expect(listFiles(out)).toEqual(['_astro/site.css', 'index.html', `${a}/index.html`, `${b}/index.html`, `${c}/guide.pdf`, `${c}/index.html`, 'site-wide.txt'].sort());
		expect(result).toMatchObject({ files: 6, shared: 2, neighbourhoods: 3 });
		// Only the site-wide stage ran, once, over the whole site and with every neighbourhood's content.
		expect(seen).toHaveLength(1);
		expect(readFileSync(path.join(out, 'site-wide.txt'), 'utf8')).toBe('6');
		expect(seen[0].content.neighbourhoods.map((hood) => hood.n).sort()).toEqual([a, b, c].sort());
		expect(seen[0].site?.href).toBe('https://guides.example.org/');
		expect(existsSync(`${out}.combining`)).toBe(false);
	});

	it('refuses files that two shards built differently, and writes nothing', async () => {
		shard('two', 2, 2, { 'index.html': 'another home', [`${c}/index.html`]: c }, { neighbourhoods: [c] });
		await expect(run()).rejects.toThrowErrorMatchingInlineSnapshot(`
			[CombineError: The shards disagree about 1 file, so they cannot be combined:
			  index.html: shard 1 and shard 2 built it differently
			Pages that every shard builds (home, sitemap, open data) must come out the same in each: build every shard from the same commit, with the same settings.]
		`);
		expect(existsSync(out)).toBe(false);
		expect(existsSync(`${out}.combining`)).toBe(false);
	});

	it('keeps the last good site when a site-wide stage fails', async () => {
		await run();
		const failing: BuildStage = {
			name: 'search index',
			scope: 'site',
			async run() {
				throw new Error('Building the search index failed');
			},
		};
		await expect(run({ stages: [failing] })).rejects.toThrow('Building the search index failed');
		expect(listFiles(out)).toHaveLength(6);
		expect(existsSync(`${out}.combining`)).toBe(false);
	});

	it('needs every shard, each once', async () => {
		await expect(run({ shards: [one] })).rejects.toThrowErrorMatchingInlineSnapshot(
			`[CombineError: Shard 2 of 2 is missing (name the output of every shard, 1 to 2; build a missing one with npm run build -- --shard 2/2).]`,
		);
		const again = shard('again', 1, 2, { 'index.html': 'home' });
		await expect(run({ shards: [one, again, two] })).rejects.toThrow(/are both shard 1 of 2 \(name each shard once\)/);
		await expect(run({ shards: [] })).rejects.toThrow(/Name the shards to combine/);
	});

	it('refuses shards of different builds', async () => {
		shard('two', 2, 3, { 'index.html': 'home' }, { neighbourhoods: [c] });
		await expect(run()).rejects.toThrow(/were built as parts of different numbers of shards/);
		shard('two', 2, 2, { 'index.html': 'home' }, { neighbourhoods: [c], contentDigest: 'other' });
		await expect(run()).rejects.toThrow(/were built from different content \(build every shard from the same commit\)/);
		shard('two', 2, 2, { 'index.html': 'home' }, { neighbourhoods: [c], base: '/guides/' });
		await expect(run()).rejects.toThrow(/have different base paths \(\/ and \/guides\/: build every shard with the same BASE_PATH\)/);
	});

	it('refuses to combine shards of other content than the content folder here', async () => {
		const other = generateCorpus({ dir: path.join(temp, 'other'), neighbourhoods: 2, assetsPerNeighbourhood: 1, storiesPerNeighbourhood: 0, seed: 9 });
		await expect(run({ contentDir: other.dir })).rejects.toThrow(/is not what the shards were built from/);
	});

	it('refuses a folder that is not a shard', async () => {
		const plain = path.join(temp, 'plain');
		mkdirSync(plain, { recursive: true });
		await expect(run({ shards: [one, plain] })).rejects.toThrow(/plain is not the output of a shard build: it has no _shard.json \(build it with npm run build -- --shard i\/N\)/);
		await expect(run({ shards: [one, path.join(temp, 'nowhere')] })).rejects.toThrow(/nowhere does not exist/);
		await expect(run()).resolves.toBeDefined();
	});

	it('never writes over a shard, the content, or a folder that is not a built site', async () => {
		await expect(run({ out: path.join(one, 'dist') })).rejects.toThrow(/overlaps the shard/);
		await expect(run({ out: corpus.dir })).rejects.toThrow(/--out .* is the content folder: a build empties its output folder first, which would delete the guides/);
		await expect(run({ out: path.join(corpus.dir, 'site') })).rejects.toThrow(/is inside the content folder/);
		const notes = path.join(temp, 'notes');
		mkdirSync(notes, { recursive: true });
		writeFileSync(path.join(notes, 'todo.txt'), 'keep me');
		await expect(run({ out: notes })).rejects.toThrow(/--out .*notes already holds files that no build made \(todo.txt\)/);
		expect(readFileSync(path.join(notes, 'todo.txt'), 'utf8')).toBe('keep me');
	});

	it('is a CombineError, so the command line prints it without a stack trace', async () => {
		await expect(run({ shards: [one] })).rejects.toBeInstanceOf(CombineError);
	});
});
