/**
 * Astro collections over `content/` (or CONTENT_DIR), validated by the same
 * schemas as `npm run check`. The build's preflight (src/integrations/guide.ts)
 * has already reported every problem in words before these run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { contentChecked } from './integrations/preflight.ts';
import { readingEntriesAsTheCheck } from './lib/entry-info.ts';
import { assetSchema, neighbourhoodSchema, siteSchema, storySchema, themeSchema } from './schema/index.ts';
import { parseYamlSource } from './lib/frontmatter.ts';
import { neighbourhoodFolders } from './lib/build-scope.ts';
import { selected } from './lib/selection.ts';
import { contentDir, selection } from './lib/settings.ts';
import { today } from './lib/today.ts';

const root = contentDir();
const neighbourhoodsDir = path.join(root, 'neighbourhoods');
const buildDay = today();

/** Theme ids, so entries naming a theme that does not exist fail validation. */
function themeIds(): string[] | undefined {
	try {
		const parsed = parseYamlSource(readFileSync(path.join(root, 'themes.yaml'), 'utf8'), 'themes.yaml');
		return Array.isArray(parsed.data) ? parsed.data.map((t: { id?: unknown }) => String(t.id)) : undefined;
	} catch {
		return undefined;
	}
}
const ids = themeIds();

/** `<n>/assets/<slug>.md` → `<n>/<slug>`; `<n>/index.md` → `<n>`. */
const entryId = ({ entry }: { entry: string }) =>
	entry.replace(/\/index\.md$/, '').replace(/\/(assets|stories)\//, '/').replace(/\.mdx?$/, '');

// Names starting with "_" or "." are notes and templates, never published. Written [^_.] and not [!_.]:
// the dev server matches changed files with picomatch, which does not read [!...] as "none of", so with
// [!_.] no edit to an entry ever reached the running site.
const ENTRY = '[^_.]*';

/**
 * The neighbourhood folders this build reads entries from: all of them, or
 * only those chosen by `--only` or `--shard` (one brace pattern, which
 * matches in one pass however many names it holds). Undefined: none.
 */
function neighbourhoodPattern(): string | undefined {
	const chosen = selection();
	if (chosen.kind === 'all') return ENTRY;
	const names = selected(chosen, neighbourhoodFolders(root));
	if (names.length === 0) return undefined;
	return names.length === 1 ? names[0] : `{${names.join(',')}}`;
}
const N = neighbourhoodPattern();

/** A collection of the chosen neighbourhoods' files; empty when a shard has none. */
function entries(pattern: string): Loader {
	if (N === undefined) return { name: 'no-neighbourhoods', load: async ({ store }) => store.clear() };
	// retainBody: false: pages render the Markdown, nothing reads its source again, and on a large network
	// keeping it would swell the data store Astro bundles into the build (and so its memory).
	const loader = glob({ base: neighbourhoodsDir, pattern: `${N}/${pattern}`, generateId: entryId, retainBody: false });
	// Fields read as the check reads them, and ten times as fast (src/lib/entry-info.ts).
	return checked({ ...loader, load: (context) => loader.load(readingEntriesAsTheCheck(context)) });
}

/**
 * A loader that finishes only when the build's content check has (it runs
 * alongside, src/integrations/preflight.ts): when the check found problems,
 * its report is what stops the build, not the error this loader met first on
 * the same mistake, which says far less about how to fix it.
 */
function checked(loader: Loader): Loader {
	return {
		...loader,
		load: async (context) => {
			let failure: unknown;
			try {
				await loader.load(context);
			} catch (error) {
				failure = error;
			}
			await contentChecked();
			if (failure) throw failure;
		},
	};
}

const site = defineCollection({
	loader: checked({
		name: 'site-yaml',
		load: async ({ store, parseData, watcher }) => {
			const filePath = path.join(root, 'site.yaml');
			const relativePath = path.relative(process.cwd(), filePath);
			const sync = async () => {
				const parsed = parseYamlSource(readFileSync(filePath, 'utf8'), relativePath);
				const data = await parseData({ id: 'site', data: parsed.data as Record<string, unknown>, filePath: relativePath });
				store.clear();
				store.set({ id: 'site', data, filePath: relativePath });
			};
			await sync();
			watcher?.add(filePath);
			watcher?.on('change', async (changed) => {
				if (path.resolve(changed) === filePath) await sync();
			});
		},
	}),
	schema: siteSchema(),
});

const themes = defineCollection({
	loader: checked(file(path.join(root, 'themes.yaml'))),
	schema: themeSchema(),
});

const neighbourhoods = defineCollection({
	loader: entries('index.md'),
	schema: neighbourhoodSchema(),
});

const assets = defineCollection({
	loader: entries(`assets/${ENTRY}.{md,mdx}`),
	schema: assetSchema({ themeIds: ids, today: buildDay }),
});

const stories = defineCollection({
	loader: entries(`stories/${ENTRY}.{md,mdx}`),
	schema: storySchema({ themeIds: ids, today: buildDay }),
});

export const collections = { site, themes, neighbourhoods, assets, stories };
