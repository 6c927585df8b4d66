/**
 * The search index, built over the finished site with Pagefind's Node API
 * and written to `dist/pagefind/`. Only pages marked `data-pagefind-body`
 * (neighbourhood, asset and story pages) are indexed; the stage checks that
 * exactly those were found, so a page that forgets its mark, or a list page
 * that gains one, fails the build instead of quietly changing what search
 * finds.
 *
 * The index holds paths without the base; the search script gives Pagefind
 * the base at run time (`baseUrl`), so the same index works under any base.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { PAGEFIND_ALLOCATOR_ENV, setAllocatorSettings } from '../lib/allocators.ts';
import type { LoadedContent } from '../lib/content-files.ts';
import type { BuildStage } from './stage.ts';
import { plural } from '../lib/words.ts';

/** Where the index goes, under the site's base. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/**
 * Where the searchable pages are (src/pages/[n]/index.astro, assets/[slug],
 * stories/[slug]): Pagefind reads only these, not the print, list and
 * export pages around them, which hold every entry of a neighbourhood again
 * and would cost it time and memory for nothing. The count check below
 * catches a searchable page put anywhere else.
 */
export const SEARCHABLE_PAGES = '{*/index.html,*/assets/*/index.html,*/stories/*/index.html}';

export const searchIndex: BuildStage = {
	name: 'search index',
	// One index over the whole site: a shard leaves it to npm run combine (see src/integrations/combine.ts).
	scope: 'site',
	async run({ outDir, content, logger }) {
		const expected = searchablePageCount(content);
		const bundle = path.join(outDir, SEARCH_BUNDLE_DIR);
		// Pagefind's process inherits this one's environment when createIndex starts it.
		const restore = setAllocatorSettings(PAGEFIND_ALLOCATOR_ENV);
		try {
			const { index, errors } = await pagefind.createIndex({
				// One index for the whole site, in the site's language, so a story in
				// Polish is still found from the search page (and English stemming
				// applies to the rest).
				forceLanguage: primaryLanguage(content.site?.language ?? 'en-GB'),
			});
			if (!index || errors.length) throw new SearchIndexError('could not start Pagefind', errors);
			// With no guides yet no page is marked, and Pagefind would index every page instead.
			if (expected > 0) {
				const added = await index.addDirectory({ path: outDir, glob: SEARCHABLE_PAGES });
				if (added.errors.length) throw new SearchIndexError('could not read the built pages', added.errors);
			}
			const written = await index.writeFiles({ outputPath: bundle });
			if (written.errors.length) throw new SearchIndexError(`could not write ${bundle}`, written.errors);
			// addDirectory counts every page it read; the entry file counts those indexed.
			const indexed = await indexedPageCount(bundle);
			if (indexed !== expected) {
				throw new SearchIndexError(`indexed ${plural(indexed, 'page')}, but the guides have ${expected} neighbourhood, asset and story pages`, [
					'Every neighbourhood, asset and story page, and no other, must use <ScreenLayout searchable> (which marks its main content data-pagefind-body),',
					`and be where SEARCHABLE_PAGES looks (${SEARCHABLE_PAGES}).`,
				]);
			}
		} finally {
			await pagefind.close();
			restore();
		}
		await removeUnusedUi(bundle);
		logger.info(`Indexed ${plural(expected, 'page')}.`);
	},
};

/** Neighbourhood, asset and story pages the build makes: published, in a published neighbourhood. */
export function searchablePageCount(content: LoadedContent): number {
	const live = new Set(content.neighbourhoods.filter((n) => !n.data.draft).map((n) => n.n));
	const published = (list: readonly { n: string; data: { draft?: boolean } }[]) => list.filter((e) => live.has(e.n) && !e.data.draft).length;
	return live.size + published(content.assets) + published(content.stories);
}

async function indexedPageCount(bundle: string): Promise<number> {
	const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
	return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/** Pagefind wants ISO 639-1: "en-GB" → "en". */
function primaryLanguage(tag: string): string {
	return tag.split('-')[0].toLowerCase();
}

/**
 * Pagefind also writes its ready-made interfaces and a web worker; the guides
 * have their own interface and search without a worker (see
 * src/scripts/search-ui.ts), so those files would be published for nothing.
 */
async function removeUnusedUi(bundle: string) {
	for (const name of await readdir(bundle)) {
		if (/^pagefind-(ui|modular-ui|component-ui|highlight|worker)[.-]/.test(name)) await rm(path.join(bundle, name), { recursive: true, force: true });
	}
}

class SearchIndexError extends Error {
	constructor(what: string, details: readonly string[]) {
		super(`Building the search index failed: ${what}.${details.length ? `\n${details.map((d) => `  ${d}`).join('\n')}` : ''}`);
		this.name = 'SearchIndexError';
	}
}
