/**
 * `npm run combine`: the outputs of every shard (`npm run build -- --shard
 * i/N`) into one deployable site, the same as a single build would make.
 *
 * 1. The shards' manifests must agree: N of N shards, each once, built from
 *    the same content (a digest of the content folder) with the same
 *    settings, and from the content folder here.
 * 2. Their files are copied into one folder. A file that more than one shard
 *    built (the home page, the sitemap, open data, styles) must be byte for
 *    byte the same in each, or nothing is written: two shards that disagree
 *    were built from different code or settings.
 * 3. The stages that need the whole site (`scope: 'site'`: the search index)
 *    run over it, once, as they would at the end of a single build.
 * 4. Only then does the result replace the output folder, so a failed
 *    combine never leaves half a site where the last good one was.
 */
import { constants, existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { shownPath } from '../lib/build-scope.ts';
import { loadContent } from '../lib/content-files.ts';
import { outputFolderProblem, within } from '../lib/output-folder.ts';
import { MANIFEST, contentDigest, readManifest, type ShardManifest } from '../lib/shards.ts';
import { runSiteStages } from './site-stages.ts';
import type { BuildStage, StageLogger } from './stage.ts';

/** This project's folder, which no output may hold. */
const PROJECT = path.resolve(import.meta.dirname, '../..');

export interface CombineOptions {
	/** The shards' output folders, in any order. */
	shards: readonly string[];
	/** Where the combined site goes. */
	out: string;
	/** The content folder the shards were built from. */
	contentDir: string;
	/** The build's stages; those with `scope: 'site'` run over the combined site. */
	stages: readonly BuildStage[];
	logger: StageLogger;
}

export interface CombineResult {
	/** Files in the combined site. */
	files: number;
	/** Of those, how many several shards built (identical in each). */
	shared: number;
	neighbourhoods: number;
	/** Seconds: copying, then each site-wide stage by name. */
	seconds: Record<string, number>;
}

/** A combine that cannot go ahead; the message says why and what to do. */
export class CombineError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CombineError';
	}
}

export async function combine(options: CombineOptions): Promise<CombineResult> {
	const seconds: Record<string, number> = {};
	if (options.shards.length === 0) {
		throw new CombineError('Name the shards to combine: the output folders of npm run build -- --shard i/N (like dist-shards/*-of-4).');
	}
	const shards = await readShards(options.shards);
	const first = shards[0].manifest;
	const root = path.resolve(options.contentDir);
	checkContentFolder(root, first);
	const out = checkOut(path.resolve(options.out), shards.map((s) => s.dir), root);

	// Checked before anything is copied: the shards together hold every published neighbourhood, each once.
	const content = loadContent(root);
	const published = content.neighbourhoods.filter((hood) => !hood.data.draft).map((hood) => hood.n);
	const held = new Map<string, number>();
	for (const { manifest } of shards) for (const n of manifest.neighbourhoods) held.set(n, manifest.index);
	const missing = published.filter((n) => !held.has(n));
	if (missing.length || held.size !== published.length) {
		throw new CombineError(
			`The shards do not hold the neighbourhoods of ${shownPath(root)}${missing.length ? ` (missing: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '...' : ''})` : ''}: build every shard again from this content.`,
		);
	}

	const staging = `${out}.combining`;
	await rm(staging, { recursive: true, force: true });
	try {
		const started = performance.now();
		const { files, shared } = await copyShards(shards, staging);
		seconds.copy = (performance.now() - started) / 1000;
		options.logger.info(`Copied ${files} files from ${shards.length} shards (${shared} built by more than one, all identical).`);

		const site = first.site ? new URL(first.site) : undefined;
		Object.assign(seconds, await runSiteStages({ outDir: staging, base: first.base, site, content, stages: options.stages, logger: options.logger }));

		await rm(out, { recursive: true, force: true });
		await rename(staging, out);
		return { files, shared, neighbourhoods: published.length, seconds };
	} finally {
		await rm(staging, { recursive: true, force: true });
	}
}

interface Shard {
	dir: string;
	manifest: ShardManifest;
}

async function readShards(dirs: readonly string[]): Promise<Shard[]> {
	const shards: Shard[] = [];
	for (const given of dirs) {
		const dir = path.resolve(given);
		if (!existsSync(dir) || !statSync(dir).isDirectory()) {
			throw new CombineError(`${given} does not exist (name the output folders of the shard builds, like dist-shards/1-of-4)`);
		}
		const manifest = await readManifest(dir);
		if (!manifest) {
			throw new CombineError(`${given} is not the output of a shard build: it has no ${MANIFEST} (build it with npm run build -- --shard i/N)`);
		}
		shards.push({ dir, manifest });
	}
	shards.sort((a, b) => a.manifest.index - b.manifest.index);

	const name = (s: Shard) => `${shownPath(s.dir)} (shard ${s.manifest.index} of ${s.manifest.count})`;
	const first = shards[0];
	for (const shard of shards.slice(1)) {
		const differs = (['count', 'contentDigest', 'base', 'site', 'today'] as const).find((key) => shard.manifest[key] !== first.manifest[key]);
		if (!differs) continue;
		const why: Record<typeof differs, string> = {
			count: 'were built as parts of different numbers of shards (build every shard with the same N in --shard i/N)',
			contentDigest: 'were built from different content (build every shard from the same commit)',
			base: `have different base paths (${first.manifest.base} and ${shard.manifest.base}: build every shard with the same BASE_PATH)`,
			site: `have different site addresses (${first.manifest.site ?? 'none'} and ${shard.manifest.site ?? 'none'}: build every shard with the same SITE_URL)`,
			today: `were built for different days (${first.manifest.today} and ${shard.manifest.today}: build every shard on the same day, or set the same GUIDE_TODAY)`,
		};
		throw new CombineError(`${name(first)} and ${name(shard)} ${why[differs]}.`);
	}
	const count = first.manifest.count;
	for (let i = 1; i < shards.length; i++) {
		if (shards[i].manifest.index === shards[i - 1].manifest.index) {
			throw new CombineError(`${shownPath(shards[i - 1].dir)} and ${shownPath(shards[i].dir)} are both shard ${shards[i].manifest.index} of ${count} (name each shard once).`);
		}
	}
	const present = new Set(shards.map((s) => s.manifest.index));
	const absent = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !present.has(i));
	if (absent.length) {
		throw new CombineError(
			`${absent.length === 1 ? `Shard ${absent[0]}` : `Shards ${absent.join(', ')}`} of ${count} ${absent.length === 1 ? 'is' : 'are'} missing (name the output of every shard, 1 to ${count}; build a missing one with npm run build -- --shard ${absent[0]}/${count}).`,
		);
	}
	return shards;
}

function checkContentFolder(root: string, manifest: ShardManifest) {
	if (!existsSync(root)) {
		throw new CombineError(`The content folder ${shownPath(root)} does not exist (set CONTENT_DIR to the folder the shards were built from).`);
	}
	if (contentDigest(root) !== manifest.contentDigest) {
		throw new CombineError(
			`The content in ${shownPath(root)} is not what the shards were built from (combine from the same commit as the shard builds, or set CONTENT_DIR to that content).`,
		);
	}
}

/** The output folder, if it is safe to replace: never a shard, the content, or a folder that is not a built site. */
function checkOut(out: string, shardDirs: readonly string[], root: string): string {
	for (const dir of shardDirs) {
		if (within(out, dir) || within(dir, out)) {
			throw new CombineError(`--out ${shownPath(out)} overlaps the shard ${shownPath(dir)} (write the combined site to a folder of its own, like --out dist)`);
		}
	}
	const problem = outputFolderProblem(out, root, PROJECT, '--out ');
	if (problem) throw new CombineError(problem);
	return out;
}

/** How many files are copied at once: enough to keep the disk busy. */
const COPY_CONCURRENCY = 16;

async function copyShards(shards: readonly Shard[], staging: string): Promise<{ files: number; shared: number }> {
	const from = new Map<string, Shard>();
	const conflicts: { file: string; shards: [Shard, Shard] }[] = [];
	let shared = 0;
	const made = new Set<string>();
	const ensureDir = async (dir: string) => {
		if (made.has(dir)) return;
		await mkdir(dir, { recursive: true });
		made.add(dir);
	};

	for (const shard of shards) {
		const files = listFiles(shard.dir).filter((file) => file !== MANIFEST);
		let next = 0;
		const worker = async () => {
			while (next < files.length) {
				const file = files[next++];
				const source = path.join(shard.dir, file);
				const target = path.join(staging, file);
				const earlier = from.get(file);
				if (earlier) {
					if (await sameBytes(source, target)) shared++;
					else conflicts.push({ file, shards: [earlier, shard] });
					continue;
				}
				from.set(file, shard);
				await ensureDir(path.dirname(target));
				// A copy-on-write clone where the file system can, a plain copy where not; never a hard link,
				// which would let a later stage writing into the combined site change a shard's files.
				await copyFile(source, target, constants.COPYFILE_FICLONE);
			}
		};
		await Promise.all(Array.from({ length: COPY_CONCURRENCY }, worker));
	}

	if (conflicts.length) {
		const shown = conflicts
			.slice(0, 10)
			.map(({ file, shards: [a, b] }) => `  ${file}: shard ${a.manifest.index} and shard ${b.manifest.index} built it differently`)
			.join('\n');
		throw new CombineError(
			`The shards disagree about ${conflicts.length} ${conflicts.length === 1 ? 'file' : 'files'}, so they cannot be combined:\n${shown}${conflicts.length > 10 ? `\n  ...and ${conflicts.length - 10} more` : ''}\n` +
				'Pages that every shard builds (home, sitemap, open data) must come out the same in each: build every shard from the same commit, with the same settings.',
		);
	}
	return { files: from.size, shared };
}

/** Piece by piece: the shared files include every neighbourhood's open data, and reading them whole would hold their bytes until the next garbage collection, which may not come before Pagefind starts. */
const COMPARE_BYTES = 256 * 1024;

async function sameBytes(a: string, b: string): Promise<boolean> {
	const size = statSync(a).size;
	if (statSync(b).size !== size) return false;
	const [x, y] = await Promise.all([open(a), open(b)]);
	try {
		// Most shared files are small pages: no bigger a buffer than the file.
		const length = Math.max(1, Math.min(size, COMPARE_BYTES));
		const bufX = Buffer.allocUnsafe(length);
		const bufY = Buffer.allocUnsafe(length);
		for (;;) {
			const [readX, readY] = await Promise.all([x.read(bufX, 0, length, null), y.read(bufY, 0, length, null)]);
			if (readX.bytesRead !== readY.bytesRead) return false;
			if (readX.bytesRead === 0) return true;
			if (!bufX.subarray(0, readX.bytesRead).equals(bufY.subarray(0, readY.bytesRead))) return false;
		}
	} finally {
		await Promise.all([x.close(), y.close()]);
	}
}

/** Every file under `dir`, relative to it with forward slashes. */
function listFiles(dir: string): string[] {
	const out: string[] = [];
	const walk = (current: string, prefix: string) => {
		for (const entry of readdirSync(current, { withFileTypes: true })) {
			const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
			if (entry.isDirectory()) walk(path.join(current, entry.name), rel);
			else out.push(rel);
		}
	};
	walk(dir, '');
	return out.sort();
}
