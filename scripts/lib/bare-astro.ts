/**
 * The yardstick for the benchmark: a bare Astro project over the same
 * Markdown and MDX. The same glob patterns and @astrojs/mdx, no schema, no
 * checks, one route that renders each entry's body in a minimal page. What
 * our build costs beyond this is the cost of the guide itself.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Write the bare project into `dir` (replacing it), reading entries from `contentDir`, building into `outDir`. */
export function writeBareProject(dir: string, contentDir: string, outDir: string): void {
	rmSync(dir, { recursive: true, force: true });
	const neighbourhoods = path.join(path.resolve(contentDir), 'neighbourhoods');
	const files: Record<string, string> = {
		'astro.config.mjs': `// Written by scripts/lib/bare-astro.ts for npm run bench.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
	outDir: ${JSON.stringify(path.resolve(outDir))},
	cacheDir: ${JSON.stringify(path.join(dir, '.cache'))},
	build: { format: 'directory' },
	devToolbar: { enabled: false },
	integrations: [mdx()],
});
`,
		'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const base = ${JSON.stringify(neighbourhoods)};
const ENTRY = '[^_.]*';

export const collections = {
	neighbourhoods: defineCollection({ loader: glob({ base, pattern: \`\${ENTRY}/index.md\` }) }),
	assets: defineCollection({ loader: glob({ base, pattern: \`\${ENTRY}/assets/\${ENTRY}.{md,mdx}\` }) }),
	stories: defineCollection({ loader: glob({ base, pattern: \`\${ENTRY}/stories/\${ENTRY}.{md,mdx}\` }) }),
};
`,
		'src/pages/[...id].astro': `---
import { getCollection, render } from 'astro:content';
import AssetCard from '../components/AssetCard.astro';
import PullQuote from '../components/PullQuote.astro';

export async function getStaticPaths() {
	const entries = [...(await getCollection('neighbourhoods')), ...(await getCollection('assets')), ...(await getCollection('stories'))];
	return entries.map((entry) => ({ params: { id: \`\${entry.collection}/\${entry.id}\` }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<!doctype html>
<html lang="en">
	<head><meta charset="utf-8" /><title>{entry.data.title ?? entry.data.name}</title></head>
	<body><main><h1>{entry.data.title ?? entry.data.name}</h1><Content components={{ PullQuote, AssetCard }} /></main></body>
</html>
`,
		'src/components/PullQuote.astro': '<blockquote><slot /></blockquote>\n',
		'src/components/AssetCard.astro': '<aside>{Astro.props.slug}</aside>\n',
	};
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		writeFileSync(path.join(dir, file), text);
	}
}
