/**
 * The build's side effects, in one place:
 *
 * - before anything is built, the content is checked with the same code as
 *   `npm run check`, and the build stops with every problem in words;
 * - pictures the entries use are copied next to their pages (only those, so
 *   no stray file in a content folder is ever published);
 * - in development, those pictures are served from the content folder.
 *
 * Later stages (search index, PDFs) hang off `astro:build:done` here too.
 */
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkContent } from '../lib/check-content.ts';
import type { LoadedContent } from '../lib/content-files.ts';
import { imageContentPath } from '../lib/guide.ts';
import { ContentError, formatReport } from '../lib/problems.ts';
import { contentDir } from '../lib/settings.ts';

export default function guide(): AstroIntegration {
	let loaded: LoadedContent | undefined;
	return {
		name: 'good-life-guides',
		hooks: {
			'astro:config:setup': ({ command, logger }) => {
				if (command === 'preview') return;
				const result = checkContent(contentDir());
				loaded = result.loaded;
				reportWarnings(result.problems.filter((p) => p.severity === 'warning'), logger);
				if (result.errors.length === 0) return;
				const error = new ContentError(result.problems);
				if (command === 'build') {
					// The message is the whole report; a stack trace would only hide it.
					error.stack = '';
					throw error;
				}
				logger.error(error.message);
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
				const copied = await copyPictures(loaded, fileURLToPath(dir));
				if (copied) logger.info(`Copied ${copied} pictures.`);
			},
		},
	};
}

function reportWarnings(warnings: ReturnType<typeof checkContent>['problems'], logger: AstroIntegrationLogger) {
	if (warnings.length === 0) return;
	logger.warn(`${warnings.length} ${warnings.length === 1 ? 'thing' : 'things'} to look at (the guides still build):\n${formatReport(warnings)}`);
}

/** Copy each picture an entry uses to `dist/<n>/images/...`. */
async function copyPictures(loaded: LoadedContent, outDir: string): Promise<number> {
	const drafts = new Set(loaded.neighbourhoods.filter((n) => n.data.draft).map((n) => n.n));
	const wanted = new Set<string>();
	for (const record of [...loaded.assets, ...loaded.stories]) {
		if (!record.data.image || record.data.draft || drafts.has(record.n)) continue;
		const contentPath = imageContentPath(record.contentPath, record.data.image.src);
		if (contentPath?.startsWith(`neighbourhoods/${record.n}/images/`)) wanted.add(contentPath);
	}
	for (const contentPath of wanted) {
		const target = path.join(outDir, contentPath.replace(/^neighbourhoods\//, ''));
		await mkdir(path.dirname(target), { recursive: true });
		await copyFile(path.join(loaded.root, contentPath), target);
	}
	return wanted.size;
}
