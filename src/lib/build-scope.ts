/**
 * What a build with a selection (`--only`, `--shard`) checks, reports and
 * hands to the stages that run over its output.
 *
 * Every build reads, validates and cross-checks the whole network's files:
 * stories may link to assets in other neighbourhoods, and the pages that list
 * every neighbourhood must be the same in every shard. What the selection
 * limits is the work that costs: checking what each entry says, rendering
 * pages, copying pictures, printing PDFs.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ignored, ofNeighbourhoods, type LoadedContent } from './content-files.ts';
import type { Problem } from './problems.ts';
import { selects, unknownNames, type Selection } from './selection.ts';

/** Folder names under `neighbourhoods/` that could be neighbourhoods (not notes starting with "_" or "."). */
export function neighbourhoodFolders(root: string): string[] {
	const dir = path.join(root, 'neighbourhoods');
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => !ignored(name) && statSync(path.join(dir, name)).isDirectory())
		.sort();
}

/*
 * The whole network as the build's content check read it, kept for the pages
 * of a preview or shard that list every neighbourhood (src/data/guide.ts), so
 * the neighbourhoods it does not build are not read from disk a second time.
 * The integration and the pages are separate module instances in one
 * process: hence globalThis, under a registered symbol.
 */
const WHOLE = Symbol.for('good-life-guides.whole-content');

export function keepWholeContent(loaded: LoadedContent): void {
	(globalThis as { [WHOLE]?: LoadedContent })[WHOLE] = loaded;
}

export function wholeContent(): LoadedContent | undefined {
	return (globalThis as { [WHOLE]?: LoadedContent })[WHOLE];
}

/** The part of the content a selection builds: what the stages (pictures, PDFs) work on. */
export function selectContent(loaded: LoadedContent, selection: Selection): LoadedContent {
	return selection.kind === 'all' ? loaded : ofNeighbourhoods(loaded, (n) => selects(selection, n));
}

/** The neighbourhood a problem's file belongs to, if any (`site.yaml` belongs to none). */
export function neighbourhoodOfFile(root: string, file: string): string | undefined {
	const relative = path.relative(root, path.resolve(file)).split(path.sep);
	return relative[0] === 'neighbourhoods' && relative.length > 1 ? relative[1] : undefined;
}

export interface ScopedProblems {
	/** Problems that stop this build. */
	errors: Problem[];
	/** Problems reported and built around. */
	warnings: Problem[];
	/** Errors in neighbourhoods a preview does not build: counted, not listed. */
	elsewhere: Problem[];
}

/**
 * Which problems stop this build. A whole build and a shard stop on every
 * error: a shard is part of a site that could not be published anyway, and
 * every shard must agree on what the network holds. A preview (`--only`)
 * stops only on errors in what it builds and in the site's own files, so one
 * association's typo never blocks another's preview.
 */
export function scopeProblems(problems: readonly Problem[], selection: Selection, root: string): ScopedProblems {
	const warnings = problems.filter((p) => p.severity === 'warning');
	const errors = problems.filter((p) => p.severity === 'error');
	if (selection.kind !== 'only') return { errors, warnings, elsewhere: [] };
	const inScope = (p: Problem) => {
		const n = neighbourhoodOfFile(root, p.file);
		return n === undefined || selects(selection, n);
	};
	return {
		errors: errors.filter(inScope),
		warnings: warnings.filter(inScope),
		elsewhere: errors.filter((p) => !inScope(p)),
	};
}

/**
 * Problems with the selection itself: names that are not neighbourhoods, or
 * that are drafts (a draft has no pages to preview).
 */
export function selectionProblems(selection: Selection, loaded: LoadedContent, flag = '--only'): string[] {
	const folders = neighbourhoodFolders(loaded.root);
	const problems = unknownNames(selection, folders, flag, shownPath(path.join(loaded.root, 'neighbourhoods')));
	if (selection.kind === 'only') {
		for (const hood of loaded.neighbourhoods) {
			if (selection.names.includes(hood.n) && hood.data.draft) {
				problems.push(`${flag} ${hood.n}: it is a draft, so it has no pages (take "draft: true" out of ${hood.file} to preview it)`);
			}
		}
	}
	return problems;
}

/** A path as a person would type it: relative to here when inside it, absolute otherwise. */
export function shownPath(absolute: string): string {
	const relative = path.relative(process.cwd(), absolute);
	return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}
