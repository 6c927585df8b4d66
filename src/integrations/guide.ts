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
 * search index) to `npm run combine`, and writes its manifest for it; under
 * `npm run build` they run once Astro has exited (site-stages.ts).
 */
import { createReadStream, existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../lib/check-content.ts';
import { forgetOtherContent } from '../lib/content-cache.ts';
import type { LoadedContent } from '../lib/content-files.ts';
import { BuildLockedError, takeBuildLock } from '../lib/build-lock.ts';
import { shownPath } from '../lib/build-scope.ts';
import { outputFolderProblem } from '../lib/output-folder.ts';
import { describeSelection, selects, type Selection } from '../lib/selection.ts';
import { contentDir, selection, siteStagesHandoff, timingsFile } from '../lib/settings.ts';
import { contentDigest, isShard, writeManifest } from '../lib/shards.ts';
import { today } from '../lib/today.ts';
import { isGuarded } from './safe-markdown.ts';
import { checkOnWorker, contentChecked, quiet, setContentCheck, transferable, verdict } from './preflight.ts';
import { STAGES } from './stages.ts';
import type { SiteStagesHandoff } from './site-stages.ts';
import { runStages } from './stage.ts';

/**
 * Whether Node runs TypeScript files itself (22.18 and later, or 22.12 with
 * --experimental-strip-types, which npm run build passes on): the check's
 * worker thread is a .ts file that Vite never sees.
 */
function nodeRunsTypeScript(): boolean {
	return Boolean((process.features as { typescript?: string | false }).typescript);
}

export default function guide(): AstroIntegration {
	let loaded: LoadedContent | undefined;
	/** Astro's experimental.parallelPrerender, as astro.config.mjs set it (GUIDE_RENDER_THREADS). */
	let parallel: boolean | { workers?: number } = false;
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
				if (command === 'build') {
					// Astro empties its output folder before it builds: never one that holds the guides, the project or a person's files.
					const outProblem = outputFolderProblem(fileURLToPath(config.outDir), contentDir(), fileURLToPath(config.root));
					if (outProblem) throw quiet(new Error(outProblem));
					// Before the content sync writes Astro's working files: one build at a time in a project folder (build-lock.ts).
					try {
						takeBuildLock(fileURLToPath(new URL('.astro/', config.root)), {
							pid: process.pid,
							started: new Date().toISOString(),
							building: describeSelection(chosen),
							out: shownPath(fileURLToPath(config.outDir)),
						});
					} catch (error) {
						throw error instanceof BuildLockedError ? quiet(error) : error;
					}
				}
				// Astro's content cache from another content folder names files that are not there (content-cache.ts).
				if (forgetOtherContent(fileURLToPath(config.cacheDir), contentDir())) {
					logger.info('The content folder is not the one the last build read, so everything is read afresh.');
				}
				site = config.site ? new URL(config.site) : undefined;
				base = config.base;
				if (!config.site) {
					logger.warn(
						'No site address, so there will be no QR codes, posters, canonical links, feeds or open data. Add url to content/site.yaml (like url: https://guides.example.org/), or set SITE_URL.',
					);
				}
				if (command === 'build' && nodeRunsTypeScript()) {
					// On a thread of its own, alongside Astro's start-up and content sync; the loaders wait for it (preflight.ts).
					const checked = checkOnWorker(new URL('src/integrations/preflight-worker.ts', config.root)).then((result) => {
						timings.set('preflight', result.seconds);
						const judged = verdict(result, chosen, logger);
						loaded = judged.loaded;
						if (judged.error) throw judged.error;
					});
					setContentCheck(checked);
					return;
				}
				// Each entry's own words are checked by the build that makes its pages (one shard, or the preview).
				const entryChecksOf = chosen.kind === 'all' ? undefined : (n: string) => selects(chosen, n);
				const judged = verdict(
					transferable(timings.time('preflight', () => checkContent(contentDir(), { entryChecksOf }))),
					chosen,
					logger,
				);
				loaded = judged.loaded;
				// A build stops (on a Node that cannot run the worker's TypeScript, the check runs here); the dev server says and carries on.
				if (judged.error && command === 'build') throw judged.error;
				if (judged.error) logger.error(judged.error.message);
			},
			'astro:build:start': async ({ logger }) => {
				// Every loader has waited for the check already; this is for a build with nothing to load.
				await contentChecked();
				if (parallel) {
					const workers = parallel === true ? undefined : parallel.workers;
					const threads = workers === undefined ? 'worker threads, one fewer than the cores' : `${workers} worker thread${workers === 1 ? '' : 's'}`;
					logger.info(`Pages render on ${threads} (GUIDE_RENDER_THREADS), with Astro's experimental parallel renderer.`);
				}
			},
			'astro:config:done': ({ config }) => {
				parallel = config.experimental.parallelPrerender;
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
				const handoff = siteStagesHandoff();
				const here = STAGES.filter((stage) => {
					if (stage.scope !== 'site') return true;
					if (isShard(chosen)) logger.info(`${stage.name}: left to "npm run combine", which runs it over the whole site.`);
					// npm run build runs it once Astro has exited.
					return !isShard(chosen) && !handoff;
				});
				const seconds = await runStages(here, { outDir, base, site, content: loaded }, (name) => logger.fork(name));
				for (const [name, s] of Object.entries(seconds)) timings.set(name, s);
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
				if (handoff && !isShard(chosen)) {
					// With the content this build has read, so the step after it need not read it again (v8 keeps its dates).
					const next: SiteStagesHandoff = { outDir, base, site: site?.href, content: loaded };
					await writeFile(handoff, serialize(next));
				}
				await timings.write(timingsFile());
			},
		},
	};
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

	set(name: string, seconds: number) {
		this.#seconds[name] = seconds;
	}

	time<T>(name: string, work: () => T): T {
		const started = performance.now();
		try {
			return work();
		} finally {
			this.#seconds[name] = (performance.now() - started) / 1000;
		}
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
