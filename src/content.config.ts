/**
 * Astro collections over `content/` (or CONTENT_DIR), validated by the same
 * schemas as `npm run check`. The build's preflight (src/integrations/guide.ts)
 * has already reported every problem in words before these run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { assetSchema, neighbourhoodSchema, siteSchema, storySchema, themeSchema } from './schema/index.ts';
import { parseYamlSource } from './lib/frontmatter.ts';
import { contentDir } from './lib/settings.ts';
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

// Names starting with "_" or "." are notes and templates, never published.
const ENTRY = '[!_.]*';

const site = defineCollection({
	loader: {
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
	},
	schema: siteSchema(),
});

const themes = defineCollection({
	loader: file(path.join(root, 'themes.yaml')),
	schema: themeSchema(),
});

const neighbourhoods = defineCollection({
	loader: glob({ base: neighbourhoodsDir, pattern: `${ENTRY}/index.md`, generateId: entryId }),
	schema: neighbourhoodSchema(),
});

const assets = defineCollection({
	loader: glob({ base: neighbourhoodsDir, pattern: `${ENTRY}/assets/${ENTRY}.{md,mdx}`, generateId: entryId }),
	schema: assetSchema({ themeIds: ids, today: buildDay }),
});

const stories = defineCollection({
	loader: glob({ base: neighbourhoodsDir, pattern: `${ENTRY}/stories/${ENTRY}.{md,mdx}`, generateId: entryId }),
	schema: storySchema({ themeIds: ids, today: buildDay }),
});

export const collections = { site, themes, neighbourhoods, assets, stories };
