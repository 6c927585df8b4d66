/**
 * The build's side effects, in one place:
 *
 * - before anything is built, the content is checked with the same code as
 *   `npm run check`, and the build stops with every problem in words;
 * - after Astro has written the pages, the stages below run in order over
 *   dist/ (pictures, then the search index, then PDFs); a stage that fails
 *   fails the build;
 * - in development, pictures are served from the content folder.
 *
 * A build of some neighbourhoods (`--only`, `--shard`: src/lib/selection.ts)
 * still checks the whole network, and gives the stages only what it built. A
 * shard leaves the stages that need the whole site (`scope: 'site'`, like the
 * search index) to `npm run combine`, and writes its manifest for it.
 */
import { createReadStream, existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { scopeProblems, selectContent, selectionProblems } from '../lib/build-scope.ts';
import { checkContent } from '../lib/check-content.ts';
import type { LoadedContent } from '../lib/content-files.ts';
import { ContentError, formatReport, sortProblems } from '../lib/problems.ts';
import { describeSelection, selects, type Selection } from '../lib/selection.ts';
import { contentDir, selection, timingsFile } from '../lib/settings.ts';
import { contentDigest, isShard, writeManifest } from '../lib/shards.ts';
import { today } from '../lib/today.ts';
import { pdfs } from './pdfs.ts';
import { pictures } from './pictures.ts';
import { isGuarded } from './safe-markdown.ts';
import { searchIndex } from './search-index.ts';
import type { BuildStage } from './stage.ts';

/** What runs over the built site, in this order. PDFs last: they print the finished pages. */
export const STAGES: BuildStage[] = [pictures, searchIndex, pdfs];

export default function guide(): AstroIntegration {
	let loaded: LoadedContent | undefined;
	let site: URL | undefined;
	let base = '/';
	let chosen: Selection = { kind: 'all' };
	const timings = new Timings();
	return {
		name: 'good-life-guides',
		hooks: {
			'astro:config:setup': ({ command, config, logger }) => {
				if (command === 'preview') return;
				try {
					chosen = selection();
				} catch (error) {
					throw quiet(error as Error);
				}
				site = config.site ? new URL(config.site) : undefined;
				base = config.base;
				if (!config.site) {
					logger.warn(
						'No site address, so there will be no QR codes, posters, canonical links, feeds or open data. Add url to content/site.yaml (like url: https://guides.example.org/), or set SITE_URL.',
					);
				}
				// Each entry's own words are checked by the build that makes its pages (one shard, or the preview).
				const entryChecksOf = chosen.kind === 'all' ? undefined : (n: string) => selects(chosen, n);
				const result = timings.time('preflight', () => checkContent(contentDir(), { entryChecksOf }));
				loaded = selectContent(result.loaded, chosen);
				// Unsafe HTML in Markdown is left out of the pages: reported, but it does not stop the build.
				reportRemoved(result.errors.filter((p) => p.removedByBuild), logger);
				const scoped = scopeProblems(result.problems.filter((p) => !p.removedByBuild), chosen, result.loaded.root);
				reportWarnings(scoped.warnings, logger);
				if (scoped.elsewhere.length) {
					logger.warn(`${scoped.elsewhere.length} ${scoped.elsewhere.length === 1 ? 'problem' : 'problems'} in other neighbourhoods, left out of this preview ("npm run check" lists them).`);
				}
				const wrongSelection = selectionProblems(chosen, result.loaded, 'GUIDE_ONLY');
				if (wrongSelection.length) throw quiet(new Error(wrongSelection.join('\n')));
				if (chosen.kind !== 'all') {
					logger.info(`Building ${describeSelection(chosen)}: ${loaded.neighbourhoods.length} of ${result.loaded.neighbourhoods.length} neighbourhoods.`);
				}
				if (scoped.errors.length === 0) return;
				const error = new ContentError(scoped.errors);
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
				timings.end('astro');
				const outDir = fileURLToPath(dir);
				for (const stage of STAGES) {
					if (stage.scope === 'site' && isShard(chosen)) {
						logger.info(`${stage.name}: left to "npm run combine", which runs it over the whole site.`);
						continue;
					}
					const seconds = await timings.timeAsync(stage.name, () =>
						stage.run({ outDir, base, site, content: loaded as LoadedContent, logger: logger.fork(stage.name) }),
					);
					logger.info(`${stage.name}: ${seconds.toFixed(1)}s`);
				}
				if (isShard(chosen)) {
					await writeManifest(outDir, {
						format: 'good-life-guides/shard@1',
						index: chosen.index,
						count: chosen.count,
						neighbourhoods: loaded.neighbourhoods.filter((hood) => !hood.data.draft).map((hood) => hood.n),
						base,
						site: site?.href,
						today: today().toISOString().slice(0, 10),
						contentDigest: contentDigest(loaded.root),
					});
				}
				await timings.write(timingsFile());
			},
		},
	};
}

/** An error whose message says it all: no stack trace to hide it. */
function quiet(error: Error): Error {
	error.stack = '';
	return error;
}

/**
 * Seconds spent in each part of the build: the preflight, Astro's own work
 * (from the preflight to the last page written), and each stage. Written as
 * JSON to GUIDE_TIMINGS when set, for `npm run bench`.
 */
class Timings {
	readonly #started = performance.now();
	readonly #seconds: Record<string, number> = {};
	readonly #cpu: Record<string, number> = {};

	time<T>(name: string, work: () => T): T {
		const started = performance.now();
		try {
			return work();
		} finally {
			this.#seconds[name] = (performance.now() - started) / 1000;
		}
	}

	async timeAsync(name: string, work: () => Promise<void>): Promise<number> {
		const started = performance.now();
		await work();
		return (this.#seconds[name] = (performance.now() - started) / 1000);
	}

	/** Seconds from when the integration was created (the config was loaded) to now; and CPU seconds of the process so far. */
	end(name: string) {
		this.#seconds[name] = (performance.now() - this.#started) / 1000;
		const { user, system } = process.cpuUsage();
		this.#cpu[name] = (user + system) / 1e6;
	}

	async write(file: string | undefined) {
		if (file) await writeFile(file, `${JSON.stringify({ stages: this.#seconds, cpu: this.#cpu }, null, 2)}\n`);
	}
}

/** More warnings than this are counted, not all listed: a network's build log must stay readable. */
const WARNINGS_LISTED = 30;

function reportWarnings(warnings: ReturnType<typeof checkContent>['problems'], logger: AstroIntegrationLogger) {
	if (warnings.length === 0) return;
	const listed = sortProblems(warnings).slice(0, WARNINGS_LISTED);
	const more = warnings.length - listed.length;
	logger.warn(
		`${warnings.length} ${warnings.length === 1 ? 'thing' : 'things'} to look at (the guides still build):\n${formatReport(listed)}` +
			(more > 0 ? `\n\n...and ${more} more: "npm run check" lists them all.` : ''),
	);
}

/** Unsafe HTML and links in Markdown: the sanitiser leaves them out of the pages, and the build carries on. */
function reportRemoved(removed: ReturnType<typeof checkContent>['problems'], logger: AstroIntegrationLogger) {
	if (removed.length === 0) return;
	logger.warn(
		`${removed.length} unsafe ${removed.length === 1 ? 'thing is' : 'things are'} left out of the pages (fix them: "npm run check" fails until they are gone):\n${formatReport(removed)}`,
	);
}
