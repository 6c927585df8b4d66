/**
 * Figures for search, for the README: how big the index is on disk, and how
 * many bytes a reader's browser fetches for its first query, for the sample
 * guides and for a generated corpus of about 10,000 pages.
 *
 *   npm run measure:search -- [--pages 10000] [--skip-build]
 *
 * Builds go to bench/.out/. Bytes fetched are measured in Chromium against a
 * plain static server (no compression), as the worst case; "gzip" is what a
 * host that compresses text (most do) would send for the same files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, HOW_TO_GET_CHROMIUM, findChromium } from '../src/lib/chromium.ts';
import { generateCorpus } from './lib/corpus.ts';
import { searchCost } from './lib/search-cost.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'bench/.out');
const { values } = parseArgs({ options: { pages: { type: 'string', default: '10000' }, 'skip-build': { type: 'boolean', default: false } } });
const targetPages = Number(values.pages);

interface Site {
	name: string;
	contentDir: string;
	outDir: string;
	/** Words to search for: the first one is "the first query". */
	queries: string[];
	/** Pin "today" (the corpus is dated as of 2026-06-01); the sample builds as of today. */
	today?: string;
}

const NEIGHBOURHOODS = 50;
const STORIES = 29;
const ASSETS = Math.max(1, Math.round(targetPages / NEIGHBOURHOODS) - 1 - STORIES);
const sites: Site[] = [
	{ name: 'sample', contentDir: path.join(ROOT, 'content'), outDir: path.join(OUT, 'search-sample'), queries: ['singing', 'knit', 'tuesday'] },
	{
		name: `corpus of ${NEIGHBOURHOODS * (1 + ASSETS + STORIES)} pages`,
		contentDir: path.join(OUT, 'corpus-content'),
		outDir: path.join(OUT, 'search-corpus'),
		queries: ['singing', 'knit', 'tuesday'],
		today: '2026-06-01',
	},
];

const executablePath = findChromium();
if (!executablePath) {
	console.error(`No Chromium found. ${HOW_TO_GET_CHROMIUM}`);
	process.exit(1);
}
mkdirSync(OUT, { recursive: true });
const load = os.loadavg()[0];
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load ${load.toFixed(1)} at start`;
console.log(`Machine: ${machine}`);

if (!values['skip-build']) {
	const corpus = generateCorpus({ dir: sites[1].contentDir, neighbourhoods: NEIGHBOURHOODS, assetsPerNeighbourhood: ASSETS, storiesPerNeighbourhood: STORIES, seed: 1 });
	console.log(`Generated ${corpus.entryPages} entry pages in ${corpus.dir}`);
	for (const site of sites) build(site);
}

const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const results = [];
try {
	for (const site of sites) results.push(await measure(site, browser));
} finally {
	await browser.close();
}
const figures = { machine, date: new Date().toISOString().slice(0, 10), results };
writeFileSync(path.join(OUT, 'search-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.log(`\n${table(results)}`);

function build(site: Site) {
	console.log(`Building ${site.name}...`);
	const started = performance.now();
	const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: site.contentDir, OUT_DIR: site.outDir, BASE_PATH: '/', GUIDE_TODAY: site.today ?? '', NO_COLOR: '1' },
		maxBuffer: 256 * 1024 * 1024,
	});
	if (result.status !== 0) throw new Error(`Building ${site.name} failed:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
	const seconds = (performance.now() - started) / 1000;
	const stage = /search index: ([\d.]+)s/.exec(result.stdout)?.[1];
	writeFileSync(path.join(site.outDir, '..', `${path.basename(site.outDir)}-build.json`), JSON.stringify({ seconds, indexSeconds: Number(stage) }));
	console.log(`  built in ${seconds.toFixed(0)}s (search index ${stage}s)`);
}

async function measure(site: Site, browser: Browser) {
	const bundle = path.join(site.outDir, 'pagefind');
	const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
	const pages = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
	const disk = diskUse(bundle);
	const buildFile = path.join(site.outDir, '..', `${path.basename(site.outDir)}-build.json`);
	const timing = existsSync(buildFile) ? (JSON.parse(readFileSync(buildFile, 'utf8')) as { seconds: number; indexSeconds: number }) : undefined;

	const { pageLoad, perQuery } = await searchCost(browser, site.outDir, site.queries);
	return { site: site.name, pages, disk, timing, pageLoad, perQuery };
}

/** Bytes on disk of the index, in total and by kind of file. */
function diskUse(bundle: string) {
	const out = spawnSync('du', ['-ab', bundle], { encoding: 'utf8' }).stdout;
	const byKind = { total: 0, index: 0, fragment: 0, filter: 0, other: 0 };
	let files = 0;
	for (const line of out.trim().split('\n')) {
		const [size, file] = line.split('\t');
		if (spawnSync('test', ['-f', file]).status !== 0) continue;
		files++;
		const bytes = Number(size);
		byKind.total += bytes;
		const folder = path.relative(bundle, file).split(path.sep)[0];
		const kind = folder === 'index' || folder === 'fragment' || folder === 'filter' ? folder : 'other';
		byKind[kind] += bytes;
	}
	return { files, ...byKind };
}

function kb(bytes: number): string {
	return `${(bytes / 1024).toFixed(0)} KB`;
}

function table(rows: Awaited<ReturnType<typeof measure>>[]): string {
	const lines = [
		'| site | pages indexed | index on disk (files) | build, of which indexing | first query: files, bytes (gzip), time | next queries: bytes, time |',
		'|---|---|---|---|---|---|',
	];
	for (const row of rows) {
		const [first, ...rest] = row.perQuery;
		lines.push(
			`| ${row.site} | ${row.pages.toLocaleString('en-GB')} | ${kb(row.disk.total)} (${row.disk.files.toLocaleString('en-GB')}) | ${row.timing ? `${row.timing.seconds.toFixed(0)}s, ${row.timing.indexSeconds.toFixed(1)}s` : '-'} | ${first.files}, ${kb(first.bytes)} (${kb(first.gzip)}), ${first.ms} ms | ${rest.map((q) => `"${q.query}": ${kb(q.bytes)}, ${q.ms} ms`).join('; ')} |`,
		);
	}
	return lines.join('\n');
}
