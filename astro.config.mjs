// @ts-check
import { readFileSync } from 'node:fs';
import path from 'node:path';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import guide from './src/integrations/guide.ts';
import { safeMarkdownProcessor } from './src/integrations/safe-markdown.ts';
import { isAstroHeadInjectNotice } from './src/lib/build-log.mjs';
import { parseYamlSource } from './src/lib/frontmatter.ts';
import { basePath, cacheDirFor, contentDir, outDir, renderThreads } from './src/lib/settings.ts';

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

/** Folders that builds write (all in .gitignore): never watched by the dev server. */
const BUILD_OUTPUTS = [
	'**/dist/**',
	'**/dist-shards/**',
	'**/.cache/**',
	'**/test/.out/**',
	'**/coverage/**',
	...['bare', 'bare-site', 'site', 'shard-*', 'combined'].map((output) => `**/bench/.out/*/${output}/**`),
	// npm run bench:side-by-side: another commit's checkout, with node_modules, and its two sites.
	'**/bench/.out/side-by-side/**',
];

// Markdown as Astro renders it, with MDX limited to words and story components before it is compiled.
const processor = safeMarkdownProcessor({ contentDir: contentDir() });

export default defineConfig({
	site: siteUrl(),
	base: basePath(),
	outDir: outDir(),
	// Each build output gets its own cache, so builds of different content never mix.
	cacheDir: cacheDirFor(outDir()),
	trailingSlash: 'ignore',
	build: {
		format: 'directory',
		// One external stylesheet per page: cached across pages, and allowed by a strict Content-Security-Policy.
		inlineStylesheets: 'never',
		// Sixteen pages at a time: each page waits on the disk (a folder, a file), and overlapping those waits
		// keeps the main thread rendering. Against four (Astro 7.4.7, 2 cores, 3 December 2026), sixteen took
		// less time to render in 7 of 9 builds run in turn (6,685 and 27,534 pages), about 15% at the median;
		// the whole build's peak memory stayed at 1.70 GiB. 8 and 32 were no better than 16.
		concurrency: 16,
	},
	devToolbar: { enabled: false },
	experimental: {
		// GUIDE_RENDER_THREADS: pages rendered on worker threads, off unless asked for (src/lib/settings.ts says why).
		parallelPrerender: renderThreads(),
	},
	// Astro's own output, but a large build lists its first pages and then counts the rest (src/lib/build-log.mjs).
	logger: { entrypoint: './src/lib/build-log.mjs' },
	markdown: {
		processor,
		// Highlighted code comes with inline styles, which the Content-Security-Policy blocks; guides are words, not code.
		syntaxHighlight: false,
	},
	vite: {
		// Never inline a script or a font into the page: the Content-Security-Policy allows only the site's own files.
		build: {
			assetsInlineLimit: 0,
			// Leaves out one warning of Rolldown's about Astro's own code, repeated for every MDX story (src/lib/build-log.mjs).
			rolldownOptions: { onLog: (level, log, handler) => (level === 'warn' && isAstroHeadInjectNotice(log)) || handler(level, log) },
		},
		// The dev server watches the content and the code, not what builds wrote: a network's shards, a
		// benchmark's sites (but not its content) and the tests' builds hold hundreds of thousands of files,
		// and watching them ran out of the system's file watchers, so edits no longer showed.
		server: { watch: { ignored: BUILD_OUTPUTS } },
	},
	integrations: [mdx({ processor }), guide()],
});
