/**
 * Which neighbourhoods a build makes pages for: all of them (the default),
 * some by name (`--only`, for quick previews), or one shard of N (`--shard
 * i/N`, for networks too big for one machine).
 *
 * A shard is chosen by a hash of the neighbourhood's folder name, not by its
 * place in a list, so adding or removing a neighbourhood never moves any
 * other between shards (only changing N does).
 *
 * Every build still reads every neighbourhood's frontmatter (cheap: no
 * Markdown is rendered), so pages that span the network (home, sitemap,
 * open data, feeds, the page for surgeries) come out the same in every
 * shard as in a whole build; see README "Building a network in shards".
 */
import { createHash } from 'node:crypto';
import { didYouMean } from './words.ts';

export type Selection =
	| { kind: 'all' }
	/** These neighbourhoods, by folder name. */
	| { kind: 'only'; names: readonly string[] }
	/** Shard `index` (1-based) of `count`. */
	| { kind: 'shard'; index: number; count: number };

export const ALL: Selection = { kind: 'all' };

/** A flag or setting that cannot be used as given; the message says what is wrong and how to fix it. */
export class SelectionError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SelectionError';
	}
}

/** `"2/4"` → shard 2 of 4. `flag` names where the value came from, for the message (`--shard` or `GUIDE_SHARD`). */
export function parseShard(spec: string, flag = '--shard'): Selection & { kind: 'shard' } {
	const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
	if (!match) {
		throw new SelectionError(`${flag} ${JSON.stringify(spec)} is not a shard (write which one and how many, like ${flag} 1/4: shards are numbered from 1)`);
	}
	const index = Number(match[1]);
	const count = Number(match[2]);
	if (count < 1) throw new SelectionError(`${flag} ${spec}: there must be at least one shard (like ${flag} 1/4)`);
	if (index < 1 || index > count) {
		throw new SelectionError(
			`${flag} ${spec}: there is no shard ${index} of ${count} (shards are numbered 1 to ${count}: use ${flag} 1/${count} up to ${flag} ${count}/${count})`,
		);
	}
	return { kind: 'shard', index, count };
}

/** `"mill-lane,weavers-row"` → those names, in order, without repeats. */
export function parseOnly(spec: string, flag = '--only'): Selection & { kind: 'only' } {
	const names = [...new Set(spec.split(',').map((name) => name.trim()).filter(Boolean))];
	if (names.length === 0) {
		throw new SelectionError(`${flag} needs the folder name of a neighbourhood (like ${flag} mill-lane; several: ${flag} mill-lane,weavers-row)`);
	}
	return { kind: 'only', names };
}

/** The selection from the build settings (GUIDE_ONLY, GUIDE_SHARD); both at once is a mistake. */
export function selectionFrom(env: { only?: string; shard?: string }, flags = { only: 'GUIDE_ONLY', shard: 'GUIDE_SHARD' }): Selection {
	const only = env.only?.trim();
	const shard = env.shard?.trim();
	if (only && shard) {
		throw new SelectionError(`${flags.only} and ${flags.shard} cannot be used together (use ${flags.only} for a preview of some neighbourhoods, or ${flags.shard} for one part of the whole site)`);
	}
	if (only) return parseOnly(only, flags.only);
	if (shard) return parseShard(shard, flags.shard);
	return ALL;
}

/** The shard (1 to `count`) a neighbourhood belongs in: a hash of its folder name, so it never moves while `count` stays. */
export function shardOf(n: string, count: number): number {
	const hash = createHash('sha256').update(n).digest();
	return (hash.readUInt32BE(0) % count) + 1;
}

/** Whether a build with this selection makes the pages of neighbourhood `n`. */
export function selects(selection: Selection, n: string): boolean {
	switch (selection.kind) {
		case 'all':
			return true;
		case 'only':
			return selection.names.includes(n);
		case 'shard':
			return shardOf(n, selection.count) === selection.index;
	}
}

/** The neighbourhoods of `names` a build with this selection makes pages for, in the same order. */
export function selected(selection: Selection, names: readonly string[]): string[] {
	return names.filter((n) => selects(selection, n));
}

/** "shard 2 of 4", "only mill-lane": for logs and messages. */
export function describeSelection(selection: Selection): string {
	switch (selection.kind) {
		case 'all':
			return 'every neighbourhood';
		case 'only':
			return `only ${selection.names.join(', ')}`;
		case 'shard':
			return `shard ${selection.index} of ${selection.count}`;
	}
}

/** The folder name for a shard's own output: `1-of-4`. */
export function shardName(selection: Selection & { kind: 'shard' }): string {
	return `${selection.index}-of-${selection.count}`;
}

/**
 * Names given to `--only` that are not neighbourhoods of this content folder,
 * each with what to do about it. `available` is every neighbourhood folder.
 */
export function unknownNames(selection: Selection, available: readonly string[], flag = '--only', folder = 'content/neighbourhoods'): string[] {
	if (selection.kind !== 'only') return [];
	const known = new Set(available);
	return selection.names
		.filter((name) => !known.has(name))
		.map((name) => {
			const guess = didYouMean(name, available);
			const hint = guess ? `did you mean "${guess}"? ` : '';
			const list = available.length <= 8 ? `: ${available.join(', ')}` : ` (${available.length} of them)`;
			return `${flag} ${name}: there is no neighbourhood "${name}" (${hint}use the name of a folder in ${folder}/${available.length ? list : ', which is empty'})`;
		});
}
