/**
 * Build settings that come from the environment, in one place.
 *
 * - CONTENT_DIR: the content folder (default `content`).
 * - BASE_PATH: where the site lives on its host (default `/`).
 * - SITE_URL: the site's full address (default `url` in site.yaml).
 * - OUT_DIR: where the built site goes (default `dist`).
 * - GUIDE_TODAY: pin "today" (see today.ts).
 * - GUIDE_ONLY / GUIDE_SHARD: build some neighbourhoods, or one shard of N
 *   (see selection.ts; `npm run build -- --only x` and `-- --shard 2/4` set them).
 * - GUIDE_RENDER_THREADS: worker threads that render the pages (see renderThreads).
 * - GUIDE_TIMINGS: a file to write the build's stage timings to, as JSON (for `npm run bench`).
 * - GUIDE_SITE_STAGES: set by `npm run build`: a file to hand the stages that
 *   need the whole site to, to run after Astro has exited (site-stages.ts).
 */
import path from 'node:path';
import { selectionFrom, type Selection } from './selection.ts';
import { normaliseBase } from './urls.ts';

export function contentDir(): string {
	return path.resolve(process.env.CONTENT_DIR || 'content');
}

export function basePath(): string {
	return normaliseBase(process.env.BASE_PATH || '/');
}

export function outDir(): string {
	return path.resolve(process.env.OUT_DIR || 'dist');
}

/**
 * What a build keeps for the next build of the same output: Astro's content
 * cache, and the PDFs (src/lib/pdf-cache.ts). Beside the output, not in it,
 * so it is never published: `dist/` keeps `.cache/dist/`.
 */
export function cacheDirFor(out: string): string {
	return path.join(out, '..', '.cache', path.basename(out));
}

/** Which neighbourhoods this build makes pages for. Throws a SelectionError that says how to fix a bad value. */
export function selection(): Selection {
	return selectionFrom({ only: process.env.GUIDE_ONLY, shard: process.env.GUIDE_SHARD });
}

/** Where to write stage timings, if anywhere. */
export function timingsFile(): string | undefined {
	return process.env.GUIDE_TIMINGS ? path.resolve(process.env.GUIDE_TIMINGS) : undefined;
}

/** Where to hand the site-wide stages over to the step after Astro (set by scripts/build.ts); undefined: run them in the build. */
export function siteStagesHandoff(): string | undefined {
	return process.env.GUIDE_SITE_STAGES ? path.resolve(process.env.GUIDE_SITE_STAGES) : undefined;
}

/**
 * GUIDE_RENDER_THREADS: how many worker threads render the pages, for Astro's
 * `experimental.parallelPrerender`. Unset or `0`: Astro renders them on its
 * own thread, as it always has. `auto`: one fewer than the machine's cores.
 * The pages come out the same file for file either way (test/build/shards.test.ts).
 *
 * Off by default. On the 2-core machine the benchmark runs on, one thread
 * built 20,000 pages about a tenth faster but took about 0.15 GiB more, over
 * the 2 GB target, and it made a small network slower: each thread reads the
 * whole guide for itself (README, "The build in figures"). A machine with
 * more cores and memory, such as a CI runner with 4, is where it can pay.
 */
export function renderThreads(value = process.env.GUIDE_RENDER_THREADS): false | true | { workers: number } {
	const setting = value?.trim().toLowerCase();
	if (!setting || setting === '0' || setting === 'off') return false;
	if (setting === 'auto') return true;
	const threads = Number(setting);
	if (!/^\d+$/.test(setting) || threads > 64) {
		throw new Error(
			`GUIDE_RENDER_THREADS="${value}" is not a number of threads: write a whole number like 3 (one fewer than the machine's cores), auto, or 0 to render on Astro's own thread`,
		);
	}
	return { workers: threads };
}
