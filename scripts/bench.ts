/**
 * `npm run bench`: how the build holds up as a network grows.
 *
 *   npm run bench -- --neighbourhoods 350
 *   npm run bench -- --neighbourhoods 350 --pdf --shards 4 --dev --keep
 *   npm run bench -- --neighbourhoods 350 --repeat 3
 *
 * 1. Writes a synthetic network (scripts/lib/corpus.ts: every kind of entry,
 *    schedules, stories, some in MDX) under bench/.out/, outside content/.
 * 2. Builds it from cold with `npm run build`, and reads the build's own
 *    stage timings (GUIDE_TIMINGS); samples the memory of the whole process
 *    tree; counts pages, files and bytes.
 * 3. Measures what a first search fetches, in Chromium.
 * 4. Builds the same Markdown with a bare Astro project and gives our Astro
 *    time as a ratio of it (target: at most 1.5). With --repeat R, builds
 *    both R times in turn and gives the median ratio and its range: on a
 *    shared or virtual machine single runs vary by a fifth.
 * 5. With --shards K, builds the K shards one after another, and combines them.
 * 6. With --dev, starts `npm run dev` on it, and times the first pages and an edit;
 *    then the same with `--only` one neighbourhood, as its editor would.
 *
 * Prints a table (Markdown, for README) and writes it with the raw figures
 * to bench/.out/<run>/results.json. Everything it writes is deleted at the
 * end unless --keep.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, type Corpus } from './lib/corpus.ts';
import { writeBareProject } from './lib/bare-astro.ts';
import { UsageError, median, wholeNumber } from './lib/cli.ts';
import { measureNode, type Measured } from './lib/measure.ts';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, HOW_TO_GET_CHROMIUM, findChromium } from '../src/lib/chromium.ts';
import { searchCost } from './lib/search-cost.ts';
import { cacheDirFor, renderThreads } from '../src/lib/settings.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const USAGE =
	'npm run bench -- --neighbourhoods <N> [--assets 50] [--stories 10] [--seed 1] [--pdf] [--shards <K>] [--dev] [--no-bare] [--repeat <R>] [--term <word>] [--keep]';

interface Options {
	neighbourhoods: number;
	assets: number;
	stories: number;
	seed: number;
	pdf: boolean;
	shards?: number;
	dev: boolean;
	bare: boolean;
	repeat: number;
	term: string;
	keep: boolean;
	/** GUIDE_RENDER_THREADS, which the build reads: checked before the corpus is written. */
	renderThreads: ReturnType<typeof renderThreads>;
}

function options(): Options {
	const { values } = parseArgs({
		options: {
			neighbourhoods: { type: 'string' },
			assets: { type: 'string', default: '50' },
			stories: { type: 'string', default: '10' },
			seed: { type: 'string', default: '1' },
			pdf: { type: 'boolean', default: false },
			shards: { type: 'string' },
			dev: { type: 'boolean', default: false },
			'no-bare': { type: 'boolean', default: false },
			repeat: { type: 'string', default: '1' },
			term: { type: 'string', default: 'singing' },
			keep: { type: 'boolean', default: false },
		},
	});
	const whole = (name: string, value: string | undefined, min: number) => {
		if (value === undefined) throw new UsageError(`--${name} is needed (like --${name} 350 for about 20,000 pages)`);
		return wholeNumber(name, value, min);
	};
	if (values['no-bare'] && values.repeat !== '1') throw new UsageError('--repeat compares our build with bare Astro\'s: it cannot go with --no-bare');
	return {
		neighbourhoods: whole('neighbourhoods', values.neighbourhoods, 1),
		assets: whole('assets', values.assets, 0),
		stories: whole('stories', values.stories, 0),
		seed: whole('seed', values.seed, 1),
		pdf: values.pdf,
		shards: values.shards === undefined ? undefined : whole('shards', values.shards, 2),
		dev: values.dev,
		bare: !values['no-bare'],
		repeat: whole('repeat', values.repeat, 1),
		term: values.term,
		keep: values.keep,
		renderThreads: threadsFromEnvironment(),
	};
}


function threadsFromEnvironment(): ReturnType<typeof renderThreads> {
	try {
		return renderThreads();
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
}

/** The day the synthetic corpus is written as of; builds pin it so staleness never changes with the clock. */
const AS_OF = '2026-06-01';

async function main() {
	let opts: Options;
	try {
		opts = options();
	} catch (error) {
		if (!(error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) throw error;
		console.error(`${(error as Error).message}\n\nUsage: ${USAGE}`);
		process.exit(2);
	}

	const threadsSetting =
		opts.renderThreads === false ? "Astro's own thread (GUIDE_RENDER_THREADS unset)" : `worker threads (GUIDE_RENDER_THREADS=${process.env.GUIDE_RENDER_THREADS?.trim()})`;
	const name = `n${opts.neighbourhoods}-a${opts.assets}-s${opts.stories}-seed${opts.seed}`;
	const work = path.join(ROOT, 'bench/.out', name);
	mkdirSync(work, { recursive: true });
	const rows: [string, string][] = [];
	const results: Record<string, unknown> = { options: opts, machine: machine() };
	const say = (line: string) => console.log(line);
	say(`Benchmark ${name}, in ${path.relative(ROOT, work)}/`);
	say(`Machine: ${describeMachine(results.machine as Machine)}`);

	let finished = false;
	try {
		// 1. The corpus.
		let started = performance.now();
		const corpus = generateCorpus({
			dir: path.join(work, 'content'),
			neighbourhoods: opts.neighbourhoods,
			assetsPerNeighbourhood: opts.assets,
			storiesPerNeighbourhood: opts.stories,
			seed: opts.seed,
			asOf: AS_OF,
		});
		say(`Wrote ${corpus.neighbourhoods.length} neighbourhoods, ${corpus.assets} assets and ${corpus.stories} stories in ${seconds(performance.now() - started)}.`);
		results.corpus = { neighbourhoods: corpus.neighbourhoods.length, assets: corpus.assets, stories: corpus.stories, entryPages: corpus.entryPages };

		// 2. Our build, from cold.
		const site = path.join(work, 'site');
		say('Building with npm run build (from cold)...');
		const ours = await build(corpus, site, work, opts.pdf, []);
		const stages = ours.timings;
		const afterAstro = stagesAfterAstro(ours.timings);
		const astroSeconds = astroPart(ours);
		const output = countOutput(site);
		results.build = { ...ours, astroSeconds, output };
		rows.push(['Corpus', `${fmt(corpus.neighbourhoods.length)} neighbourhoods, ${fmt(corpus.assets)} assets, ${fmt(corpus.stories)} stories`]);
		rows.push(['Pages (HTML)', fmt(output.pages)]);
		rows.push(['Pages rendered by', threadsSetting]);
		rows.push(['Astro: wall time (all but the stages below)', `${astroSeconds.toFixed(1)} s`]);
		rows.push(['… of which the preflight check of all content', `${(stages.preflight ?? 0).toFixed(1)} s`]);
		for (const [stage, s] of afterAstro) rows.push([`Stage: ${stage}`, `${s.toFixed(1)} s`]);
		if (!('search index' in stages)) rows.push(['Stage: search index', 'not in this build']);
		if (!opts.pdf) rows.push(['Stage: PDFs', 'skipped (add --pdf)']);
		rows.push(['Total wall time', `${ours.measured.seconds.toFixed(1)} s`]);
		rows.push(['Total CPU time (user and system, all processes)', cpuTime(ours.measured)]);
		rows.push(['Pages per second (Astro)', fmt(Math.round(output.pages / astroSeconds))]);
		rows.push(['Peak memory (whole process tree)', bytes(ours.measured.peakTreeBytes)]);
		rows.push(['Peak memory (largest process)', bytes(ours.measured.peakProcessBytes)]);
		rows.push(['Output', `${bytes(output.bytes)} in ${fmt(output.files)} files (${fmt(output.directories)} folders)`]);

		// 3. A first search, on the search page as a reader makes it (the same measure as npm run measure:search).
		if (existsSync(path.join(site, 'pagefind', 'pagefind.js'))) {
			const executablePath = findChromium();
			if (!executablePath) throw new Error(`Measuring a search needs Chromium. ${HOW_TO_GET_CHROMIUM}`);
			const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
			try {
				const search = await searchCost(browser, site, [opts.term]);
				results.search = search;
				const [first] = search.perQuery;
				rows.push([`First search ("${first.query}": ${first.status ?? ''})`, `${bytes(first.bytes)} in ${first.files} files (${bytes(first.gzip)} gzip), ${first.ms} ms (target: under 300 KB)`]);
			} finally {
				await browser.close();
			}
		} else {
			rows.push(['First search', 'no search index in this build']);
		}

		// 3b. With PDFs: an editor changes one entry and the network builds again, keeping what the last build kept.
		if (opts.pdf) {
			const { edited, undo } = editOneEntry(corpus);
			say(`Building again after an edit to ${edited}...`);
			let again: Awaited<ReturnType<typeof build>>;
			try {
				again = await build(corpus, site, work, true, [], { cold: false, label: 'site-again' });
			} finally {
				// The builds that follow (bare Astro, shards) are of the Markdown the first build had.
				undo();
			}
			const log = readFileSync(path.join(work, 'site-again.log'), 'utf8');
			const pdfs = /Printed (\d+) PDFs? and kept (\d+)/.exec(log);
			results.rebuild = { ...again, edited, astroSeconds: astroPart(again), printed: Number(pdfs?.[1]), kept: Number(pdfs?.[2]) };
			rows.push([
				'Built again after one entry changed (PDFs kept)',
				`${again.measured.seconds.toFixed(1)} s wall (Astro ${astroPart(again).toFixed(1)} s, PDFs ${(again.timings.pdfs ?? 0).toFixed(1)} s: ${pdfs?.[1]} printed, ${pdfs?.[2]} kept)`,
			]);
		}

		// 4. Bare Astro over the same Markdown.
		if (opts.bare) {
			say('Building the same Markdown with a bare Astro project (from cold)...');
			const bareDir = path.join(work, 'bare');
			const bareOut = path.join(work, 'bare-site');
			writeBareProject(bareDir, corpus.dir, bareOut);
			const buildBare = async () => {
				rmSync(bareOut, { recursive: true, force: true });
				rmSync(path.join(bareDir, '.cache'), { recursive: true, force: true });
				const measured = await measureNode([path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', bareDir], {
					cwd: ROOT,
					env: buildEnv({}),
					logFile: path.join(work, 'bare-build.log'),
				});
				if (measured.status !== 0) throw new Error(`The bare Astro build failed: see ${path.join(work, 'bare-build.log')}`);
				return measured;
			};
			const bare = await buildBare();
			const bareOutput = countOutput(bareOut);
			const ratio = astroSeconds / bare.seconds;
			results.bare = { measured: bare, output: bareOutput, ratio };
			rows.push(['Bare Astro, same Markdown and MDX', `${bare.seconds.toFixed(1)} s wall, ${cpuTime(bare)} CPU, for ${fmt(bareOutput.pages)} pages; peak ${bytes(bare.peakTreeBytes)}`]);
			if (opts.repeat > 1) rows.push(['Ratio: our Astro time / bare Astro (first run)', `${ratio.toFixed(2)} (target: at most 1.5)`]);
			else rows.push(['**Ratio: our Astro time / bare Astro**', `**${ratio.toFixed(2)}** (target: at most 1.5)`]);
			if (ours.cpu.astro && bare.cpuSeconds) {
				// The same ratio in CPU seconds of the Astro process, which other work on the machine does not inflate.
				rows.push(['Ratio in CPU time (Astro process, to the last page)', `${(ours.cpu.astro / bare.cpuSeconds).toFixed(2)} (${ours.cpu.astro.toFixed(1)} s / ${bare.cpuSeconds.toFixed(1)} s)`]);
			}
			if (opts.repeat > 1) {
				// The same two builds again, in turn, so that a slow or fast moment of the machine falls on both.
				const runs = [{ ours: astroSeconds, bare: bare.seconds, peak: ours.measured.peakTreeBytes }];
				for (let r = 2; r <= opts.repeat; r++) {
					say(`Run ${r} of ${opts.repeat}: our build, then bare Astro...`);
					const again = await build(corpus, site, work, opts.pdf, []);
					const bareAgain = await buildBare();
					runs.push({ ours: astroPart(again), bare: bareAgain.seconds, peak: again.measured.peakTreeBytes });
				}
				const ratios = runs.map((run) => run.ours / run.bare);
				results.repeats = { runs, ratios, median: median(ratios) };
				rows.push([
					`**Ratio over ${runs.length} runs of both, in turn**`,
					`**median ${median(ratios).toFixed(2)}**, ${Math.min(...ratios).toFixed(2)} to ${Math.max(...ratios).toFixed(2)} (${runs.map((run) => `${run.ours.toFixed(1)} s / ${run.bare.toFixed(1)} s`).join('; ')}); our peak memory at most ${bytes(highest(runs.map((run) => run.peak)))}`,
				]);
			}
		}

		// 5. Shards, one after another on this machine.
		if (opts.shards) {
			const shardRows: [number, number][] = [];
			const dirs: string[] = [];
			for (let i = 1; i <= opts.shards; i++) {
				say(`Building shard ${i} of ${opts.shards}...`);
				const dir = path.join(work, `shard-${i}-of-${opts.shards}`);
				const shard = await build(corpus, dir, work, opts.pdf, ['--shard', `${i}/${opts.shards}`]);
				shardRows.push([i, shard.measured.seconds]);
				dirs.push(dir);
			}
			say('Combining the shards...');
			const combined = await measureNode([...npmScriptNodeArgs('combine'), ...dirs, '--out', path.join(work, 'combined')], {
				cwd: ROOT,
				env: buildEnv({ CONTENT_DIR: corpus.dir }),
				logFile: path.join(work, 'combine.log'),
			});
			if (combined.status !== 0) throw new Error(`npm run combine failed: see ${path.join(work, 'combine.log')}`);
			const same = sameFileList(site, path.join(work, 'combined'));
			results.shards = { shards: shardRows, combine: combined, sameFilesAsWhole: same };
			const slowest = Math.max(...shardRows.map(([, s]) => s));
			rows.push([`Shards (${opts.shards}, built one after another)`, shardRows.map(([i, s]) => `${i}: ${s.toFixed(1)} s`).join(', ')]);
			rows.push(['Combine (copy, then search index)', `${combined.seconds.toFixed(1)} s, peak ${bytes(combined.peakTreeBytes)}`]);
			rows.push([`Wall time with ${opts.shards} machines (slowest shard + combine)`, `${(slowest + combined.seconds).toFixed(1)} s`]);
			rows.push(['Combined site has the same files as the single build', same ? 'yes' : '**no**']);
		}

		// 6. The dev server.
		if (opts.dev) {
			say('Starting npm run dev on the corpus...');
			const dev = await measureDev(corpus, work);
			say(`Starting npm run dev -- --only ${corpus.neighbourhoods[0].n}...`);
			const devOnly = await measureDev(corpus, work, corpus.neighbourhoods[0].n);
			results.dev = dev;
			results.devOnly = devOnly;
			for (const [label, figures] of [['Dev', dev], ['Dev, one neighbourhood (--only)', devOnly]] as const) {
				rows.push([`${label}: start, to the first page served`, `${figures.startSeconds.toFixed(1)} s`]);
				rows.push([`${label}: first load of a guide page, then an asset page`, `${figures.firstGuideSeconds.toFixed(2)} s, ${figures.firstAssetSeconds.toFixed(2)} s`]);
				rows.push([`${label}: an edited asset shows, then its guide page loads`, `${figures.editSeconds.toFixed(2)} s, ${figures.guideAfterEditSeconds.toFixed(2)} s`]);
			}
		}

		const table = ['| measure | value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
		results.table = table;
		writeFileSync(path.join(work, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
		say(`\n${describeMachine(results.machine as Machine)}; load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
		say(table);
		finished = true;
	} finally {
		if (!finished) {
			say(`\nThe benchmark stopped: its corpus, builds and logs are kept in ${path.relative(ROOT, work)}/ to see why.`);
		} else if (!opts.keep) {
			const json = path.join(work, 'results.json');
			const kept = existsSync(json) ? readFileSync(json) : undefined;
			rmSync(work, { recursive: true, force: true });
			if (kept) {
				mkdirSync(work, { recursive: true });
				writeFileSync(json, kept);
				say(`\nDeleted the corpus and builds (--keep keeps them); the figures are in ${path.relative(ROOT, json)}.`);
			}
		}
	}
}

/** Environment for a build: quiet, pinned to the corpus's day, no telemetry. */
function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	return { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', GUIDE_TODAY: AS_OF, ...extra };
}

/**
 * What `npm run <name>` gives Node (its flags and script), from package.json:
 * the benchmark measures the commands people run, flags and all (combine's
 * smaller young generation, say). Relative to the project folder, the cwd.
 */
function npmScriptNodeArgs(name: string): string[] {
	const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
	const words = (scripts[name] ?? '').split(/\s+/);
	if (words[0] !== 'node' || !words.at(-1)?.endsWith('.ts')) throw new Error(`npm run ${name} is not "node [flags] <script>.ts" any more: update scripts/bench.ts`);
	return words.slice(1);
}

/** Wall time of a build up to the end of Astro's part: all but the stages that follow it (pictures, search index, PDFs). */
function astroPart(built: Awaited<ReturnType<typeof build>>): number {
	return built.measured.seconds - stagesAfterAstro(built.timings).reduce((sum, [, s]) => sum + s, 0);
}

/** The stages timed after Astro's part (the preflight runs within it). */
function stagesAfterAstro(timings: Record<string, number>): [string, number][] {
	return Object.entries(timings).filter(([stage]) => !['astro', 'preflight'].includes(stage));
}

/** The highest of the figures known (peak memory is unknown without Linux's /proc). */
function highest(values: readonly (number | undefined)[]): number | undefined {
	const known = values.filter((v): v is number => v !== undefined);
	return known.length ? Math.max(...known) : undefined;
}

async function build(corpus: Corpus, outDir: string, work: string, pdf: boolean, args: string[], { cold = true, label = path.basename(outDir) } = {}) {
	const timingsFile = path.join(work, `${label}.timings.json`);
	rmSync(outDir, { recursive: true, force: true });
	// Cold: no content cache and no PDFs from an earlier run (kept beside the output: cacheDirFor).
	if (cold) rmSync(cacheDirFor(outDir), { recursive: true, force: true });
	rmSync(timingsFile, { force: true });
	const measured: Measured = await measureNode([...npmScriptNodeArgs('build'), ...args], {
		cwd: ROOT,
		env: buildEnv({ CONTENT_DIR: corpus.dir, OUT_DIR: outDir, GUIDE_TIMINGS: timingsFile, GUIDE_PDF: pdf ? 'required' : 'off' }),
		logFile: path.join(work, `${label}.log`),
	});
	if (measured.status !== 0) throw new Error(`The build failed: see ${path.join(work, `${label}.log`)}`);
	const written = JSON.parse(readFileSync(timingsFile, 'utf8')) as { stages: Record<string, number>; cpu: Record<string, number> };
	return { measured, timings: written.stages, cpu: written.cpu };
}

/** Change the title of the first entry of the first neighbourhood, as an editor would; says which file, and how to put it back. */
function editOneEntry(corpus: Corpus): { edited: string; undo: () => void } {
	const [hood] = corpus.neighbourhoods;
	const file = ['md', 'mdx'].map((ext) => path.join(corpus.dir, 'neighbourhoods', hood.n, 'assets', `${hood.assets[0]}.${ext}`)).find((f) => existsSync(f));
	if (!file) throw new Error(`The corpus has no file for ${hood.n}/${hood.assets[0]}: scripts/lib/corpus.ts and the benchmark disagree`);
	const text = readFileSync(file, 'utf8');
	const changed = text.replace(/^title: (.*)$/m, (_, title: string) => `title: ${title.replace(/^(['"]?)/, '$1Edited ')}`);
	if (changed === text) throw new Error(`${file} has no title line to change`);
	writeFileSync(file, changed);
	return { edited: path.relative(corpus.dir, file), undo: () => writeFileSync(file, text) };
}

interface Output {
	pages: number;
	files: number;
	directories: number;
	bytes: number;
}

function countOutput(dir: string): Output {
	const out: Output = { pages: 0, files: 0, directories: 0, bytes: 0 };
	const walk = (current: string) => {
		for (const entry of readdirSync(current, { withFileTypes: true })) {
			const full = path.join(current, entry.name);
			if (entry.isDirectory()) {
				out.directories++;
				walk(full);
			} else {
				out.files++;
				out.bytes += statSync(full).size;
				if (entry.name.endsWith('.html')) out.pages++;
			}
		}
	};
	walk(dir);
	return out;
}

function sameFileList(a: string, b: string): boolean {
	const list = (dir: string) => {
		const files: string[] = [];
		const walk = (current: string, prefix: string) => {
			for (const entry of readdirSync(current, { withFileTypes: true })) {
				if (entry.isDirectory()) walk(path.join(current, entry.name), `${prefix}${entry.name}/`);
				else files.push(`${prefix}${entry.name}`);
			}
		};
		walk(dir, '');
		return files.sort().join('\n');
	};
	return list(a) === list(b);
}

interface DevFigures {
	startSeconds: number;
	firstGuideSeconds: number;
	firstAssetSeconds: number;
	editSeconds: number;
	guideAfterEditSeconds: number;
}

/**
 * Start `npm run dev` on the corpus (all of it, or `only` one neighbourhood), load a guide
 * and an asset page, edit the asset and wait for the edit to show.
 */
async function measureDev(corpus: Corpus, work: string, only?: string): Promise<DevFigures> {
	const hood = corpus.neighbourhoods[0];
	const slug = hood.assets[0];
	const port = 4500 + Math.floor(Math.random() * 400);
	const origin = `http://127.0.0.1:${port}`;
	const log = path.join(work, only ? 'dev-only.log' : 'dev.log');
	writeFileSync(log, '');
	const started = performance.now();
	const select = only ? ['--only', only] : [];
	const child = spawn(process.execPath, ['--experimental-strip-types', path.join(ROOT, 'scripts/dev.ts'), ...select, '--port', String(port), '--host', '127.0.0.1'], {
		cwd: ROOT,
		env: buildEnv({ CONTENT_DIR: corpus.dir }),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout.on('data', (chunk) => appendFileSync(log, chunk));
	child.stderr.on('data', (chunk) => appendFileSync(log, chunk));
	const file = ['md', 'mdx'].map((ext) => path.join(corpus.dir, 'neighbourhoods', hood.n, 'assets', `${slug}.${ext}`)).find(existsSync) as string;
	const original = readFileSync(file, 'utf8');
	try {
		const get = async (sitePath: string) => {
			const t = performance.now();
			const response = await fetch(`${origin}${sitePath}`);
			const text = await response.text();
			return { status: response.status, text, seconds: (performance.now() - t) / 1000 };
		};
		const deadline = Date.now() + 15 * 60_000;
		let home;
		for (;;) {
			if (child.exitCode !== null) throw new Error(`npm run dev stopped: see ${log}`);
			if (Date.now() > deadline) throw new Error(`npm run dev did not serve the home page within 15 minutes: see ${log}`);
			try {
				home = await get('/');
				if (home.status === 200) break;
			} catch {
				// Not listening yet.
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		const startSeconds = (performance.now() - started) / 1000;
		const guide = await get(`/${hood.n}/`);
		const asset = await get(`/${hood.n}/assets/${slug}/`);
		if (guide.status !== 200 || asset.status !== 200) throw new Error(`npm run dev answered ${guide.status} and ${asset.status}: see ${log}`);

		const marker = `benchmark-edit-${Date.now()}`;
		writeFileSync(file, `${original.trimEnd()}\n\nEdited for the benchmark: ${marker}.\n`);
		const edited = performance.now();
		for (;;) {
			if ((performance.now() - edited) / 1000 > 300) throw new Error(`The edit did not show within 5 minutes: see ${log}`);
			if ((await get(`/${hood.n}/assets/${slug}/`)).text.includes(marker)) break;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		const editSeconds = (performance.now() - edited) / 1000;
		const guideAfter = await get(`/${hood.n}/`);
		return { startSeconds, firstGuideSeconds: guide.seconds, firstAssetSeconds: asset.seconds, editSeconds, guideAfterEditSeconds: guideAfter.seconds };
	} finally {
		writeFileSync(file, original);
		child.kill('SIGTERM');
		await new Promise((resolve) => child.once('exit', resolve));
	}
}

interface Machine {
	cpu: string;
	cores: number;
	memory: number;
	os: string;
	node: string;
	astro: string;
	loadAtStart: number[];
}

function machine(): Machine {
	const astro = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/astro/package.json'), 'utf8')).version as string;
	return {
		cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
		cores: os.availableParallelism(),
		memory: os.totalmem(),
		os: `${os.type()} ${os.release()}`,
		node: process.version,
		astro,
		loadAtStart: os.loadavg(),
	};
}

function describeMachine(m: Machine): string {
	return `${m.cpu}, ${m.cores} cores, ${bytes(m.memory)}, ${m.os}, Node ${m.node}, Astro ${m.astro}; load average at start ${m.loadAtStart.map((l) => l.toFixed(1)).join(' ')}`;
}

function cpuTime(measured: Measured): string {
	return measured.cpuSeconds === undefined ? 'unknown (needs Linux /proc)' : `${measured.cpuSeconds.toFixed(1)} s`;
}

function fmt(n: number): string {
	return n.toLocaleString('en-GB');
}

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

function bytes(n: number | undefined): string {
	if (n === undefined) return 'unknown (needs Linux /proc)';
	if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GiB`;
	if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
	return `${(n / 1024).toFixed(1)} KiB`;
}

await main();
