/**
 * `npm run dev`: Astro's live preview while editing, of the whole site or of
 * some neighbourhoods, in the same words as `npm run build`.
 *
 *   npm run dev                              every neighbourhood
 *   npm run dev -- --only mill-lane          one neighbourhood (or a,b,c), with the pages that span the site
 *   npm run dev -- --only mill-lane --port 4000
 *
 * `--only` is checked against the content folder first (a misspelt name is
 * named, not previewed as an empty site) and handed to Astro as GUIDE_ONLY;
 * any other argument goes to `astro dev` as it is. On a large network the
 * whole preview is slow to start and to show each edit (README, "The build in
 * figures"), so it says how to preview one neighbourhood instead.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { neighbourhoodFolders } from '../src/lib/build-scope.ts';
import { type Selection, SelectionError } from '../src/lib/selection.ts';
import { contentDir } from '../src/lib/settings.ts';
import { checkedSelection, parseBuildArgs } from './build.ts';

const USAGE = 'npm run dev [-- --only <neighbourhood>[,<neighbourhood>...]] [-- <astro dev options, like --port 4000>]';

/** From this many neighbourhoods, a preview of all of them says how to preview one. */
export const LARGE_NETWORK = 25;

export interface DevArgs {
	chosen: Selection;
	/** Arguments for `astro dev`. */
	rest: string[];
}

/** What `npm run dev` was asked for, checked against the content folder in `root`. */
export async function parseDevArgs(argv: readonly string[], root: string): Promise<DevArgs> {
	const args = parseBuildArgs(argv);
	if (args.shard !== undefined) {
		throw new SelectionError(
			`--shard ${args.shard} is for building a large network on several machines, not for previewing: ` +
				`preview the neighbourhoods you are editing with --only (like --only ${neighbourhoodFolders(root)[0] ?? 'mill-lane'})`,
		);
	}
	return { chosen: await checkedSelection(args, root), rest: args.rest };
}

/** A word of advice before previewing `count` neighbourhoods at once, or undefined when there are few. */
export function largeNetworkHint(count: number, example: string | undefined): string | undefined {
	if (count < LARGE_NETWORK) return undefined;
	return (
		`Previewing all ${count} neighbourhoods: the first page takes a while (about half a minute for 300), and each edit some seconds to show.\n` +
		`To preview only the one you are editing: npm run dev -- --only ${example ?? '<neighbourhood>'}\n`
	);
}

async function main() {
	const root = contentDir();
	let args: DevArgs;
	try {
		args = await parseDevArgs(process.argv.slice(2), root);
	} catch (error) {
		if (!(error instanceof SelectionError)) throw error;
		console.error(`${error.message}\n\nUsage: ${USAGE}`);
		process.exit(2);
	}

	const env = { ...process.env };
	delete env.GUIDE_ONLY;
	delete env.GUIDE_SHARD;
	if (args.chosen.kind === 'only') {
		env.GUIDE_ONLY = args.chosen.names.join(',');
		console.log(`Previewing ${args.chosen.names.join(', ')} (and the pages that span the site).\n`);
	} else {
		const folders = neighbourhoodFolders(root);
		const hint = largeNetworkHint(folders.length, folders[0]);
		if (hint) console.log(hint);
	}

	const astro = path.join(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');
	// With this process's Node flags (type stripping, on Node 22 before 22.18), which the content check's worker thread needs.
	const child = spawn(process.execPath, [...process.execArgv, astro, 'dev', ...args.rest], { stdio: 'inherit', env });
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
	const code = await new Promise<number>((resolve) => child.on('exit', (status, signal) => resolve(status ?? (signal ? 0 : 1))));
	process.exit(code);
}

// Run when started as a script (not when a test imports it).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
