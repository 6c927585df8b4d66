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
	if (process.env.SITE_URL) {
		if (!isWebAddress(process.env.SITE_URL)) {
			throw new Error(`SITE_URL="${process.env.SITE_URL}" is not a web address (write it in full, like https://guides.example.org/)`);
		}
		return process.env.SITE_URL;
	}
	try {
		const file = path.join(contentDir(), 'site.yaml');
		const { data } = parseYamlSource(readFileSync(file, 'utf8'), file);
		const url = /** @type {{ url?: unknown } | undefined} */ (data)?.url;
		// A url that is not a web address is left to the preflight check, which names its file and line.
		return isWebAddress(url) ? url : undefined;
	} catch {
		return undefined; // The preflight check reports a missing or broken site.yaml.
	}
}

/** @param {unknown} value @returns {value is string} */
function isWebAddress(value) {
	return typeof value === 'string' && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
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
	// Never inline a script into the page, however small: a strict Content-Security-Policy allows only the site's own files.
	vite: { build: { assetsInlineLimit: 0 } },
	integrations: [mdx(), guide()],
});
