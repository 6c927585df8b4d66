/**
 * Shards: one site built in parts on several machines, then combined.
 *
 * `npm run build -- --shard i/N` builds the pages of the neighbourhoods in
 * shard i, plus every page that spans the network (home, sitemap, open data,
 * feeds, the page for surgeries), which come out the same in every shard
 * because every build reads every neighbourhood's frontmatter. It writes a
 * manifest, `_shard.json`, beside the pages.
 *
 * `npm run combine` (src/integrations/combine.ts) checks the manifests agree, copies
 * the shards into one folder (a file in two shards must be byte for byte the
 * same, or it stops), and runs the stages that need the whole site, such as
 * the search index.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ignored } from './content-files.ts';
import type { Selection } from './selection.ts';

/** The manifest's file name, in the shard's output folder. Never part of the combined site. */
export const MANIFEST = '_shard.json';

export interface ShardManifest {
	/** What wrote this, so a future format can be told apart. */
	format: 'good-life-guides/shard@1';
	index: number;
	count: number;
	/** The neighbourhoods whose pages this shard holds (published ones). */
	neighbourhoods: string[];
	/** Build settings every shard must share. */
	base: string;
	site?: string;
	/** The day the build took as today (staleness notices depend on it). */
	today: string;
	/** A digest of the content folder: shards of different content must never be combined. */
	contentDigest: string;
}

export async function writeManifest(outDir: string, manifest: ShardManifest): Promise<void> {
	await writeFile(path.join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The manifest of a shard's output folder; undefined when the folder is not a shard's output. */
export async function readManifest(dir: string): Promise<ShardManifest | undefined> {
	let text: string;
	try {
		text = await readFile(path.join(dir, MANIFEST), 'utf8');
	} catch {
		return undefined;
	}
	let manifest: ShardManifest;
	try {
		manifest = JSON.parse(text) as ShardManifest;
	} catch {
		throw new Error(`${path.join(dir, MANIFEST)} is not readable JSON (build that shard again)`);
	}
	if (manifest?.format !== 'good-life-guides/shard@1') {
		throw new Error(`${path.join(dir, MANIFEST)} was written by another version of Good Life Guides (build every shard, and combine them, with the same version)`);
	}
	return manifest;
}

export function isShard(selection: Selection): selection is Selection & { kind: 'shard' } {
	return selection.kind === 'shard';
}

/**
 * A digest of every file of the content folder that can reach the site (names
 * starting with "_" or "." are notes, and left out): two shards built from
 * different commits get different digests, so they are never combined.
 */
export function contentDigest(root: string): string {
	const hash = createHash('sha256');
	const walk = (dir: string, relative: string) => {
		for (const name of readdirSync(dir).sort()) {
			if (ignored(name)) continue;
			const full = path.join(dir, name);
			const rel = relative ? `${relative}/${name}` : name;
			if (statSync(full).isDirectory()) {
				walk(full, rel);
			} else {
				const bytes = readFileSync(full);
				hash.update(`${rel}\0${bytes.length}\0`);
				hash.update(bytes);
			}
		}
	};
	walk(root, '');
	return hash.digest('hex');
}
