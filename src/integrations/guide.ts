/**
 * The build's side effects, in one place:
 *
 * - before anything is built, the content is checked with the same code as
 *   `npm run check`, and the build stops with every problem in words;
 * - after Astro has written the pages, the stages below run in order over
 *   dist/ (pictures, then the search index, then PDFs); a stage that fails
 *   fails the build;
 * - in development, pictures are served from the content folder.
 */
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkContent } from '../lib/check-content.ts';
import type { LoadedContent } from '../lib/content-files.ts';
import { ContentError, formatReport } from '../lib/problems.ts';
import { contentDir } from '../lib/settings.ts';
import { pdfs } from './pdfs.ts';
import { pictures } from './pictures.ts';
import { isGuarded } from './safe-markdown.ts';
import { searchIndex } from './search-index.ts';
import type { BuildStage } from './stage.ts';

/** What runs over the built site, in this order. PDFs last: they print the finished pages. */
const STAGES: BuildStage[] = [pictures, searchIndex, pdfs];

export default function guide(): AstroIntegration {
	let loaded: LoadedContent | undefined;
	let site: URL | undefined;
	let base = '/';
	return {
		name: 'good-life-guides',
		hooks: {
			'astro:config:setup': ({ command, config, logger }) => {
				if (command === 'preview') return;
				site = config.site ? new URL(config.site) : undefined;
				base = config.base;
				if (!config.site) {
					logger.warn(
						'No site address, so there will be no QR codes, posters, canonical links, feeds or open data. Add url to content/site.yaml (like url: https://guides.example.org/), or set SITE_URL.',
					);
				}
				const result = checkContent(contentDir());
				loaded = result.loaded;
				reportWarnings(result.problems.filter((p) => p.severity === 'warning'), logger);
				reportRemoved(result.errors.filter((p) => p.removedByBuild), logger);
				if (result.buildErrors.length === 0) return;
				const error = new ContentError(result.problems.filter((p) => !p.removedByBuild));
				if (command === 'build') {
					// The message is the whole report; a stack trace would only hide it.
					error.stack = '';
					throw error;
				}
				logger.error(error.message);
			},
			'astro:config:done': ({ config }) => {
				// MDX is code: never build without the guard that limits it to words (astro.config.mjs sets it).
				if (!isGuarded(config.markdown.processor)) {
					throw new Error('The MDX guard is not installed: set markdown.processor to safeMarkdownProcessor() in astro.config.mjs, and pass it to mdx({ processor }).');
				}
			},
			'astro:server:setup': ({ server }) => {
				const root = contentDir();
				server.middlewares.use((req, res, next) => {
					const match = /^\/(?:.*\/)?([a-z0-9-]+)\/images\/([^?#]+)/.exec(decodeURIComponent(req.url ?? ''));
					if (!match) return next();
					const file = path.join(root, 'neighbourhoods', match[1], 'images', match[2]);
					if (!file.startsWith(path.join(root, 'neighbourhoods', match[1], 'images')) || !existsSync(file)) return next();
					createReadStream(file).pipe(res);
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (!loaded) return;
				const outDir = fileURLToPath(dir);
				for (const stage of STAGES) {
					const started = performance.now();
					await stage.run({ outDir, base, site, content: loaded, logger: logger.fork(stage.name) });
					logger.info(`${stage.name}: ${((performance.now() - started) / 1000).toFixed(1)}s`);
				}
			},
		},
	};
}

function reportWarnings(warnings: ReturnType<typeof checkContent>['problems'], logger: AstroIntegrationLogger) {
	if (warnings.length === 0) return;
	logger.warn(`${warnings.length} ${warnings.length === 1 ? 'thing' : 'things'} to look at (the guides still build):\n${formatReport(warnings)}`);
}

/** Unsafe HTML and links in Markdown: the sanitiser leaves them out of the pages, and the build carries on. */
function reportRemoved(removed: ReturnType<typeof checkContent>['problems'], logger: AstroIntegrationLogger) {
	if (removed.length === 0) return;
	logger.warn(
		`${removed.length} unsafe ${removed.length === 1 ? 'thing is' : 'things are'} left out of the pages (fix them: "npm run check" fails until they are gone):\n${formatReport(removed)}`,
	);
}
