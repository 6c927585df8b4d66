/**
 * A network built in shards and combined is the same site as one built
 * whole: the same files, byte for byte (so the same URLs, home page, sitemap,
 * open data and search index), with each shard holding only its own
 * neighbourhoods, and search finding every shard's pages. And --only builds
 * a quick preview of one neighbourhood. Pages rendered on worker threads
 * (GUIDE_RENDER_THREADS) come out the same as on Astro's own thread.
 *
 * A small synthetic network (6 neighbourhoods, with stories that link to
 * assets in other neighbourhoods) keeps this fast; PDFs are off.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus.ts';
import { LOCK_FILE } from '../../src/lib/build-lock.ts';
import { selected, shardOf } from '../../src/lib/selection.ts';
import { MANIFEST } from '../../src/lib/shards.ts';
import { serveStatic, type RunningServer } from '../../src/lib/static-server.ts';
import { OUT, ROOT, buildOrThrow, buildSite, type BuildOptions } from '../helpers/build.ts';
import { describeInBrowser, launch, openPage } from '../helpers/browser.ts';
import { htmlFiles, listFiles, readPage } from '../helpers/dist.ts';

const SHARDS = 3;
const corpus = generateCorpus({
	dir: path.join(OUT, 'shards-content'),
	neighbourhoods: 6,
	assetsPerNeighbourhood: 4,
	storiesPerNeighbourhood: 2,
	seed: 8,
});
const names = corpus.neighbourhoods.map((hood) => hood.n);
const common: Omit<BuildOptions, 'name'> = {
	contentDir: corpus.dir,
	today: '2026-06-01',
	env: { SITE_URL: 'https://guides.example.org/', GUIDE_PDF: 'off' },
};
const shardDir = (i: number) => path.join(OUT, `shards-${i}-of-${SHARDS}`);
const combined = path.join(OUT, 'shards-combined');

function combine(...args: string[]) {
	return spawnSync(process.execPath, [path.join(ROOT, 'scripts/combine.ts'), ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, CONTENT_DIR: corpus.dir, NO_COLOR: '1' },
	});
}

let whole: string;
let threaded: ReturnType<typeof buildSite>;
beforeAll(() => {
	whole = buildOrThrow({ name: 'shards-whole', ...common });
	// A shard, so the threads also read the neighbourhoods it does not build (from disk: they do not share the check's copy).
	threaded = buildSite({ name: 'shards-2-threads', args: ['--shard', `2/${SHARDS}`], ...common, env: { ...common.env, GUIDE_RENDER_THREADS: '2' } });
	if (threaded.status !== 0) throw new Error(`The build on worker threads failed:\n${threaded.output.slice(-6000)}`);
	for (let i = 1; i <= SHARDS; i++) buildOrThrow({ name: `shards-${i}-of-${SHARDS}`, args: ['--shard', `${i}/${SHARDS}`], ...common });
	const result = combine(...Array.from({ length: SHARDS }, (_, i) => shardDir(i + 1)), '--out', combined);
	if (result.status !== 0) throw new Error(`npm run combine failed:\n${result.stdout}\n${result.stderr}`);
});

describe('a network built in shards', () => {
	it('is a real test: every shard has neighbourhoods, and stories link across shards', () => {
		for (let i = 1; i <= SHARDS; i++) expect(selected({ kind: 'shard', index: i, count: SHARDS }, names).length).toBeGreaterThan(0);
		expect(crossShardStory(), 'a story that links to an asset in another shard').toBeDefined();
	});

	it('builds in each shard only its own neighbourhoods, plus the pages every shard shares', () => {
		for (let i = 1; i <= SHARDS; i++) {
			const files = listFiles(shardDir(i)).filter((f) => f !== MANIFEST);
			const hoods = new Set(files.map((f) => f.split('/')[0]).filter((top) => names.includes(top)));
			expect([...hoods].sort()).toEqual(selected({ kind: 'shard', index: i, count: SHARDS }, names).sort());
			const manifest = JSON.parse(readFileSync(path.join(shardDir(i), MANIFEST), 'utf8'));
			expect(manifest).toMatchObject({ index: i, count: SHARDS, neighbourhoods: [...hoods].sort() });
		}
	});

	it('combines into the same files as a single build, byte for byte', () => {
		const files = listFiles(whole);
		expect(files.length).toBeGreaterThan(100);
		expect(listFiles(combined)).toEqual(files);
		const different = files.filter((file) => !readFileSync(path.join(whole, file)).equals(readFileSync(path.join(combined, file))));
		expect(different).toEqual([]);
	});

	it('renders the same files, byte for byte, on worker threads (GUIDE_RENDER_THREADS)', () => {
		expect(threaded.output).toContain("Pages render on 2 worker threads (GUIDE_RENDER_THREADS), with Astro's experimental parallel renderer.");
		const files = listFiles(shardDir(2));
		expect(files.length).toBeGreaterThan(50);
		expect(listFiles(threaded.outDir)).toEqual(files);
		const different = files.filter((file) => !readFileSync(path.join(shardDir(2), file)).equals(readFileSync(path.join(threaded.outDir, file))));
		expect(different).toEqual([]);
	});

	it('has a home page that lists every neighbourhood, whichever shard built it', () => {
		for (const dir of [combined, shardDir(1)]) {
			const links = readPage(dir, '/')
				.querySelectorAll('main a')
				.map((a) => a.getAttribute('href'));
			for (const n of names) expect(links).toContain(`/${n}/`);
		}
	});

	it('has a sitemap, open data and a page for surgeries that cover every neighbourhood, whichever shard built them', () => {
		const sitemap = readFileSync(path.join(combined, 'sitemap.xml'), 'utf8');
		const services = JSON.parse(readFileSync(path.join(combined, 'services.json'), 'utf8')) as { contents: { url: string }[] };
		const surgeries = readPage(combined, '/for-surgeries/').toString();
		for (const hood of corpus.neighbourhoods) {
			expect(sitemap).toContain(`<loc>https://guides.example.org/${hood.n}/</loc>`);
			for (const slug of hood.stories) expect(sitemap).toContain(`<loc>https://guides.example.org/${hood.n}/stories/${slug}/</loc>`);
			expect(services.contents.some((service) => service.url.includes(`/${hood.n}/assets/`))).toBe(true);
			expect(surgeries).toContain(`/${hood.n}/`);
		}
		// The same bytes in every shard, so any one of them could have been the one kept.
		for (let i = 2; i <= SHARDS; i++) {
			expect(readFileSync(path.join(shardDir(i), 'sitemap.xml'), 'utf8')).toBe(readFileSync(path.join(shardDir(1), 'sitemap.xml'), 'utf8'));
		}
	});

	it('has every page of every neighbourhood', () => {
		for (const hood of corpus.neighbourhoods) {
			expect(existsSync(path.join(combined, hood.n, 'index.html'))).toBe(true);
			for (const slug of hood.assets) expect(existsSync(path.join(combined, hood.n, 'assets', slug, 'index.html'))).toBe(true);
			for (const slug of hood.stories) expect(existsSync(path.join(combined, hood.n, 'stories', slug, 'index.html'))).toBe(true);
		}
		expect(htmlFiles(combined).length).toBe(htmlFiles(whole).length);
	});

	it('links a story to an asset in a neighbourhood another shard built', () => {
		const { story, target } = crossShardStory() ?? {};
		expect(story).toBeDefined();
		const page = readPage(shardDir(shardOf(story!.n, SHARDS)), `/${story!.n}/stories/${story!.slug}/`);
		expect(page.querySelectorAll('main a').map((a) => a.getAttribute('href'))).toContain(`/${target}/`);
	});

	it('refuses to combine shards that disagree', () => {
		const result = combine(shardDir(1), shardDir(2), '--out', path.join(OUT, 'shards-refused'));
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(`Shard 3 of ${SHARDS} is missing`);
		expect(existsSync(path.join(OUT, 'shards-refused'))).toBe(false);
	});
});

describeInBrowser('search across shards, in Chromium', () => {
	let browser: Browser;
	let server: RunningServer;
	beforeAll(async () => {
		browser = await launch();
		server = await serveStatic(combined, '/');
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it('finds each shard\'s neighbourhoods in the one index that combine built', async () => {
		const entry = JSON.parse(readFileSync(path.join(combined, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
		expect(Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0)).toBe(corpus.entryPages);
		for (let i = 1; i <= SHARDS; i++) {
			expect(existsSync(path.join(shardDir(i), 'pagefind')), 'a shard leaves the index to combine').toBe(false);
			const hood = corpus.neighbourhoods.find((h) => shardOf(h.n, SHARDS) === i)!;
			const { page, context } = await openPage(browser);
			await page.goto(`${server.url}search/?q=${encodeURIComponent(hood.name)}`);
			await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/results? for “/);
			const links = await page.locator('[data-search-list] .card-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
			expect(links, `searching "${hood.name}", built by shard ${i}`).toContain(`/${hood.n}/`);
			await context.close();
		}
	});
});

describe('--only', () => {
	it('builds one neighbourhood, with a home page that still lists them all', () => {
		const [n] = names;
		const dir = buildOrThrow({ name: 'shards-only', args: ['--only', n], ...common });
		const tops = new Set(listFiles(dir).map((f) => f.split('/')[0]));
		expect(names.filter((other) => tops.has(other))).toEqual([n]);
		expect(listFiles(dir).filter((f) => f.startsWith(`${n}/`))).toEqual(listFiles(whole).filter((f) => f.startsWith(`${n}/`)));
		const links = readPage(dir, '/')
			.querySelectorAll('main a')
			.map((a) => a.getAttribute('href'));
		for (const other of names) expect(links).toContain(`/${other}/`);
		// npm run build indexes the site once Astro has exited: here, the one neighbourhood's pages.
		const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
		const hood = corpus.neighbourhoods[0];
		expect(Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0)).toBe(1 + hood.assets.length + hood.stories.length);
	});

	it('says which name is wrong, and the likely one', () => {
		const [n] = names;
		const result = buildSite({ name: 'shards-only-typo', args: ['--only', `${n}x`], ...common });
		expect(result.status).toBe(2);
		expect(result.output).toContain(`--only ${n}x: there is no neighbourhood "${n}x" (did you mean "${n}"?`);
	});

	it('refuses to build while another build is running in the same project folder, and says which', () => {
		// Two shards side by side in one checkout would share Astro's working files (.astro/): src/lib/build-lock.ts.
		const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)', 'astro', 'build'], { stdio: 'ignore' });
		const lock = path.join(ROOT, '.astro', LOCK_FILE);
		const record = JSON.stringify({ pid: running.pid, started: new Date().toISOString(), building: 'shard 1 of 2', out: 'dist-shards/1-of-2' });
		try {
			writeFileSync(lock, record);
			const result = buildSite({ name: 'shards-locked', args: ['--shard', `2/${SHARDS}`], ...common });
			expect(result.status).not.toBe(0);
			expect(result.output).toContain(`Another build is running in this project folder: process ${running.pid}, started at`);
			expect(result.output).toContain('building shard 1 of 2 into dist-shards/1-of-2.');
			expect(existsSync(path.join(OUT, 'shards-locked', 'index.html'))).toBe(false);
			expect(readFileSync(lock, 'utf8')).toBe(record);
		} finally {
			running.kill();
			rmSync(lock, { force: true });
		}
	});

	it('refuses a shard that does not exist before starting Astro', () => {
		const result = buildSite({ name: 'shards-bad', args: ['--shard', '4/3'], ...common });
		expect(result.status).toBe(2);
		expect(result.output).toContain('--shard 4/3: there is no shard 4 of 3 (shards are numbered 1 to 3: use --shard 1/3 up to --shard 3/3)');
	});
});

/** A story whose assets include one in a neighbourhood of another shard. */
function crossShardStory(): { story: { n: string; slug: string }; target: string } | undefined {
	for (const hood of corpus.neighbourhoods) {
		for (const slug of hood.stories) {
			const file = ['md', 'mdx'].map((ext) => path.join(corpus.dir, 'neighbourhoods', hood.n, 'stories', `${slug}.${ext}`)).find(existsSync);
			const refs = /^assets: \[(.*)\]$/m.exec(readFileSync(file!, 'utf8'))?.[1].split(',').map((s) => s.trim()) ?? [];
			const other = refs.find((ref) => ref.includes('/') && shardOf(ref.split('/')[0], SHARDS) !== shardOf(hood.n, SHARDS));
			if (other) return { story: { n: hood.n, slug }, target: `${other.split('/')[0]}/assets/${other.split('/')[1]}` };
		}
	}
	return undefined;
}
