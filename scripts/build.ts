/**
 * `npm run build`: build the site with Astro, all of it or part of it.
 *
 *   npm run build                          every neighbourhood, into dist/
 *   npm run build -- --only mill-lane      a quick preview of one (or a,b,c), into dist/
 *   npm run build -- --shard 2/4           shard 2 of 4, into dist-shards/2-of-4/
 *
 * Then, when every shard is built: npm run combine -- dist-shards/*-of-4 --out dist
 *
 * The flags only set GUIDE_ONLY or GUIDE_SHARD (read in src/lib/settings.ts)
 * after checking them; any other argument goes to `astro build` as it is.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import type { SiteStagesHandoff } from '../src/integrations/site-stages.ts';
import { ASTRO_ALLOCATOR_ENV, ASTRO_NODE_FLAGS, withAllocatorSettings } from '../src/lib/allocators.ts';
import { parseOnly, parseShard, type Selection, SelectionError, selectionFrom, selects, shardName } from '../src/lib/selection.ts';
import { contentDir, outDir, timingsFile } from '../src/lib/settings.ts';

const USAGE = 'npm run build [-- --only <neighbourhood>[,<neighbourhood>...] | -- --shard <i>/<N>]';

interface BuildArgs {
	only?: string;
	shard?: string;
	/** Arguments for `astro build`. */
	rest: string[];
}

export function parseBuildArgs(argv: readonly string[]): BuildArgs {
	const args: BuildArgs = { rest: [] };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const match = /^--(only|shard)(?:=(.*))?$/.exec(arg);
		if (!match) {
			args.rest.push(arg);
			continue;
		}
		const flag = match[1] as 'only' | 'shard';
		let value = match[2];
		if (value === undefined) {
			const next = argv[i + 1];
			if (next === undefined || next.startsWith('--')) {
				if (flag === 'only') parseOnly('', '--only'); // Throws what an empty --only means.
				throw new SelectionError('--shard needs which shard and how many (like --shard 1/4)');
			}
			value = next;
			i++;
		}
		if (args[flag] !== undefined && flag === 'shard') throw new SelectionError('--shard is given twice (build one shard per command)');
		args[flag] = args[flag] === undefined ? value : `${args[flag]},${value}`;
	}
	// Both at once: the same refusal as GUIDE_ONLY with GUIDE_SHARD, in the words of the flags.
	if (args.only !== undefined && args.shard !== undefined) selectionFrom(args, { only: '--only', shard: '--shard' });
	return args;
}

/** The selection the flags ask for, checked against the content folder. */
export async function checkedSelection(args: BuildArgs, root: string): Promise<Selection> {
	if (args.shard !== undefined) return parseShard(args.shard);
	if (args.only === undefined) return { kind: 'all' };
	const chosen = parseOnly(args.only);
	// Imported here, not above: this process waits while Astro builds, and on a large network every megabyte it holds adds to the build's peak.
	const { loadContent } = await import('../src/lib/content-files.ts');
	const { selectionProblems } = await import('../src/lib/build-scope.ts');
	// Reads only the chosen neighbourhoods: enough to know they exist and are not drafts.
	const loaded = loadContent(root, { only: (n) => selects(chosen, n) });
	const problems = selectionProblems(chosen, loaded, '--only');
	if (problems.length) throw new SelectionError(problems.join('\n'));
	return chosen;
}

async function main() {
	let chosen: Selection;
	let args: BuildArgs;
	try {
		args = parseBuildArgs(process.argv.slice(2));
		chosen = await checkedSelection(args, contentDir());
	} catch (error) {
		if (!(error instanceof SelectionError)) throw error;
		console.error(`${error.message}\n\nUsage: ${USAGE}`);
		process.exit(2);
	}

	// Native code in Astro's build hands back the memory it frees (src/lib/allocators.ts).
	const env = withAllocatorSettings(process.env, ASTRO_ALLOCATOR_ENV);
	delete env.GUIDE_ONLY;
	delete env.GUIDE_SHARD;
	if (chosen.kind === 'only') env.GUIDE_ONLY = chosen.names.join(',');
	if (chosen.kind === 'shard') {
		env.GUIDE_SHARD = `${chosen.index}/${chosen.count}`;
		// Each shard its own folder, so that shards built on one machine never overwrite each other.
		env.OUT_DIR ||= path.join('dist-shards', shardName(chosen));
	}

	// The stages that need the whole site run here once Astro has exited, so their memory never adds to Astro's.
	const handoff = path.join(mkdtempSync(path.join(os.tmpdir(), 'guide-build-')), 'site-stages.json');
	env.GUIDE_SITE_STAGES = handoff;

	const astro = path.join(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');
	// With this process's Node flags (type stripping, on Node 22 before 22.18), which the check's worker thread needs.
	// And the garbage collector keeps Astro's heap near what is alive (src/lib/allocators.ts).
	const child = spawn(process.execPath, [...process.execArgv, ...ASTRO_NODE_FLAGS, astro, 'build', ...args.rest], { stdio: 'inherit', env });
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
	let code = await new Promise<number>((resolve) => child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0))));
	try {
		if (code === 0 && existsSync(handoff)) code = await siteStages(deserialize(readFileSync(handoff)) as SiteStagesHandoff);
	} finally {
		rmSync(path.dirname(handoff), { recursive: true, force: true });
	}
	if (code === 0 && chosen.kind === 'shard') {
		const out = path.relative(process.cwd(), path.resolve(env.OUT_DIR ?? outDir()));
		console.log(
			`\nShard ${chosen.index} of ${chosen.count} is in ${out}/. When all ${chosen.count} are built, put them together with:\n` +
				`  npm run combine -- ${path.join(path.dirname(out), `*-of-${chosen.count}`)} --out dist`,
		);
	}
	process.exit(code);
}

/** The site-wide stages (the search index) over what Astro built; 0 when they succeed. */
async function siteStages(next: SiteStagesHandoff): Promise<number> {
	const { STAGES } = await import('../src/integrations/stages.ts');
	const { runSiteStages } = await import('../src/integrations/site-stages.ts');
	const log = (label: string, message: string) => console.log(`${new Date().toTimeString().slice(0, 8)} [${label}] ${message}`);
	try {
		const seconds = await runSiteStages({
			...next,
			site: next.site ? new URL(next.site) : undefined,
			stages: STAGES,
			logger: (stage) => ({ info: (m) => log(stage, m), warn: (m) => log(stage, `warning: ${m}`), error: (m) => log(stage, m) }),
		});
		addTimings(seconds);
		return 0;
	} catch (error) {
		console.error(`\n${(error as Error).message}`);
		return 1;
	}
}

/** Adds the site stages' seconds to the build's own (GUIDE_TIMINGS), for npm run bench. */
function addTimings(seconds: Record<string, number>) {
	const file = timingsFile();
	if (!file || !existsSync(file)) return;
	const written = JSON.parse(readFileSync(file, 'utf8')) as { stages: Record<string, number> };
	Object.assign(written.stages, seconds);
	writeFileSync(file, `${JSON.stringify(written, null, 2)}\n`);
}

// Run when started as a script (not when a test imports parseBuildArgs). Node 22 has no `main` on import.meta, so the path is compared.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
