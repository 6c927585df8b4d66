/**
 * `npm run bench:side-by-side -- <commit>`: is the working tree faster or
 * slower to build than another commit?
 *
 *   npm run bench:side-by-side -- HEAD~1
 *   npm run bench:side-by-side -- main --neighbourhoods 80 --runs 5
 *
 * Builds the same synthetic network (scripts/lib/corpus.ts) with the other
 * commit's code and with the working tree's, both at once, one on each core,
 * `--runs` times, and gives the ratio of their times. On a shared or virtual
 * machine, builds one after another vary by a fifth or more, because the
 * machine's speed changes from minute to minute; two builds at the same
 * time meet the same machine, so their ratio moved by about 4% between runs
 * of the same code (4 December 2026, 2 cores). A change of a few per cent
 * shows here and not in `npm run bench`.
 *
 * Each build is Astro's part only (`astro build`, no PDFs), timed by the
 * build itself (GUIDE_TIMINGS: from the config to the last page written) and,
 * where Astro's log says it, the time spent generating pages. The other
 * commit is checked out as a git worktree under bench/.out/side-by-side/,
 * with this checkout's node_modules linked in (hard links with GNU `cp -al`,
 * so Linux: no download), and everything is deleted at the end unless --keep
 * or a build failed (its log is kept to read).
 *
 * Each build runs with its own commit's Node flags and allocator settings
 * (src/lib/allocators.ts), so a change to them is measured like any other.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { UsageError, median, wholeNumber } from './lib/cli.ts';
import { generateCorpus } from './lib/corpus.ts';
import { withAllocatorSettings } from '../src/lib/allocators.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const USAGE = 'npm run bench:side-by-side -- <commit> [--neighbourhoods 80] [--runs 3] [--seed 1] [--keep]';

/** One build's figures: Astro's part, and the pages' part of it when the log says. */
export interface BuildTimes {
	astro: number;
	pages?: number;
}

/**
 * The seconds Astro's log gives for generating the pages: the line after
 * "generating static routes" that says "Completed in 12.34s". Undefined if
 * the log has no such line (a different Astro).
 */
export function pagesSeconds(output: string): number | undefined {
	const log = output.replace(/\x1b\[[0-9;]*m/g, '');
	const at = log.indexOf('generating static routes');
	if (at === -1) return undefined;
	// "12.34s", "950ms", or past a minute "1m 13s".
	const match = /Completed in (?:(\d+)m\s*)?([\d.]+)(ms|s)\b/.exec(log.slice(at));
	if (!match) return undefined;
	const minutes = Number(match[1] ?? 0) * 60;
	return minutes + (match[3] === 'ms' ? Number(match[2]) / 1000 : Number(match[2]));
}

function options() {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			neighbourhoods: { type: 'string', default: '80' },
			runs: { type: 'string', default: '3' },
			seed: { type: 'string', default: '1' },
			keep: { type: 'boolean', default: false },
		},
	});
	if (positionals.length !== 1) throw new UsageError('Name one commit to compare the working tree with.');
	return {
		commit: positionals[0],
		neighbourhoods: wholeNumber('neighbourhoods', values.neighbourhoods, 1),
		runs: wholeNumber('runs', values.runs, 1),
		seed: wholeNumber('seed', values.seed, 1),
		keep: values.keep,
	};
}

function git(...args: string[]): string {
	return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
}

/** How a tree starts `astro build`: its own Node flags and allocator settings, none for a commit from before them. */
export interface Launch {
	flags: readonly string[];
	env: Readonly<Record<string, string>>;
}

export async function launchOf(tree: string): Promise<Launch> {
	const file = path.join(tree, 'src/lib/allocators.ts');
	if (!existsSync(file)) return { flags: [], env: {} };
	const settings = (await import(pathToFileURL(file).href)) as { ASTRO_NODE_FLAGS?: readonly string[]; ASTRO_ALLOCATOR_ENV?: Record<string, string> };
	return { flags: settings.ASTRO_NODE_FLAGS ?? [], env: settings.ASTRO_ALLOCATOR_ENV ?? {} };
}

/** Build one tree's code over the corpus; resolves with its times. */
function build(tree: string, launch: Launch, contentDir: string, work: string, name: string): Promise<BuildTimes> {
	const outDir = path.join(work, `site-${name}`);
	const timings = path.join(work, `${name}.timings.json`);
	const logFile = path.join(work, `${name}.log`);
	rmSync(outDir, { recursive: true, force: true });
	rmSync(timings, { force: true });
	const env = withAllocatorSettings({ ...process.env, NODE_ENV: 'production', CONTENT_DIR: contentDir, OUT_DIR: outDir, GUIDE_PDF: 'off', GUIDE_TIMINGS: timings, ASTRO_TELEMETRY_DISABLED: '1' }, launch.env);
	const child = spawn(process.execPath, [...launch.flags, path.join(tree, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: tree, env, stdio: ['ignore', 'pipe', 'pipe'] });
	const log = createWriteStream(logFile);
	child.stdout.pipe(log, { end: false });
	child.stderr.pipe(log, { end: false });
	return new Promise((resolve, reject) => {
		child.on('exit', (code) => {
			log.end(() => {
				if (code !== 0) return reject(new Error(`The ${name} build failed: see ${path.relative(ROOT, logFile)}`));
				const astro = JSON.parse(readFileSync(timings, 'utf8')).stages?.astro;
				if (typeof astro !== 'number') return reject(new Error(`The ${name} build wrote no Astro time to ${timings}`));
				resolve({ astro, pages: pagesSeconds(readFileSync(logFile, 'utf8')) });
			});
		});
	});
}

async function main() {
	const opts = options();
	const sha = git('rev-parse', '--verify', `${opts.commit}^{commit}`);
	const work = path.join(ROOT, 'bench/.out/side-by-side');
	const other = path.join(work, 'other');
	mkdirSync(work, { recursive: true });
	if (existsSync(other)) git('worktree', 'remove', '--force', other);
	git('worktree', 'add', '--detach', other, sha);
	let finished = false;
	try {
		// The same packages as this checkout, as hard links: the other commit must not need others.
		execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(other, 'node_modules')]);
		rmSync(path.join(other, 'node_modules/.vite'), { recursive: true, force: true });
		const contentDir = path.join(work, 'content');
		generateCorpus({ dir: contentDir, neighbourhoods: opts.neighbourhoods, assetsPerNeighbourhood: 50, storiesPerNeighbourhood: 10, seed: opts.seed });
		const [otherLaunch, hereLaunch] = await Promise.all([launchOf(other), launchOf(ROOT)]);
		console.log(`${opts.neighbourhoods} neighbourhoods; ${opts.commit} (${sha.slice(0, 7)}) against the working tree, both at once, ${opts.runs} times`);
		const rows: { other: BuildTimes; here: BuildTimes }[] = [];
		for (let run = 1; run <= opts.runs; run++) {
			const [them, us] = await Promise.all([
				build(other, otherLaunch, contentDir, work, 'other'),
				build(ROOT, hereLaunch, contentDir, work, 'here'),
			]);
			rows.push({ other: them, here: us });
			const pages = them.pages && us.pages ? `, pages ${us.pages.toFixed(1)} s / ${them.pages.toFixed(1)} s = ${(us.pages / them.pages).toFixed(3)}` : '';
			console.log(`run ${run}: Astro ${us.astro.toFixed(1)} s / ${them.astro.toFixed(1)} s = ${(us.astro / them.astro).toFixed(3)}${pages}`);
		}
		const astro = rows.map((r) => r.here.astro / r.other.astro);
		console.log(`\nWorking tree / ${opts.commit}, median of ${rows.length} (below 1 is faster):`);
		console.log(`  Astro's part:     ${median(astro).toFixed(3)} (${Math.min(...astro).toFixed(3)} to ${Math.max(...astro).toFixed(3)})`);
		if (rows.every((r) => r.here.pages && r.other.pages)) {
			const pages = rows.map((r) => r.here.pages! / r.other.pages!);
			console.log(`  Generating pages: ${median(pages).toFixed(3)} (${Math.min(...pages).toFixed(3)} to ${Math.max(...pages).toFixed(3)})`);
		}
		finished = true;
	} finally {
		if (!opts.keep) git('worktree', 'remove', '--force', other);
		// A failed build's log stays, for the message that names it.
		if (!opts.keep && finished) rmSync(work, { recursive: true, force: true });
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main().catch((error: Error) => {
		console.error(error instanceof UsageError ? `${error.message}\n\nUsage: ${USAGE}` : error.message);
		process.exit(error instanceof UsageError ? 2 : 1);
	});
}
