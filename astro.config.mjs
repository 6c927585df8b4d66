// @ts-check
import { readFileSync } from 'node:fs';
import path from 'node:path';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import guide from './src/integrations/guide.ts';
import { parseYamlSource } from './src/lib/frontmatter.ts';
import { basePath, contentDir, outDir } from './src/lib/settings.ts';

/** SITE_URL, or `url` in site.yaml: printed guides, feeds and QR codes need the full address. */
function siteUrl() {
	if (process.env.SITE_URL) return process.env.SITE_URL;
	try {
		const file = path.join(contentDir(), 'site.yaml');
		const { data } = parseYamlSource(readFileSync(file, 'utf8'), file);
		const url = /** @type {{ url?: unknown } | undefined} */ (data)?.url;
		return typeof url === 'string' ? url : undefined;
	} catch {
		return undefined; // The preflight check reports a missing or broken site.yaml.
	}
}

export default defineConfig({
	site: siteUrl(),
	base: basePath(),
	outDir: outDir(),
	// Each build output gets its own cache, so builds of different content never mix.
	cacheDir: path.join(outDir(), '..', '.cache', path.basename(outDir())),
	trailingSlash: 'ignore',
	build: {
		format: 'directory',
		// One external stylesheet per page: cached across pages, and allowed by a strict Content-Security-Policy.
		inlineStylesheets: 'never',
	},
	devToolbar: { enabled: false },
	integrations: [mdx(), guide()],
});
