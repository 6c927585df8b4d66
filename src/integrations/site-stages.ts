/**
 * The stages that need the whole site (`scope: 'site'`: the search index),
 * run over a finished site by a separate step rather than inside Astro's
 * build: by `npm run combine` over the shards put together, and by
 * `npm run build` once Astro has exited, so that Pagefind's memory never adds
 * to Astro's (on a 20,000-page network, well over a gigabyte each).
 */
import type { LoadedContent } from '../lib/content-files.ts';
import { runStages, type BuildStage, type StageLogger } from './stage.ts';

export interface SiteStagesOptions {
	outDir: string;
	base: string;
	site?: URL;
	/** The content of the neighbourhoods in this output. */
	content: LoadedContent;
	stages: readonly BuildStage[];
	/** One logger for all, or one for each stage by its name. */
	logger: StageLogger | ((stage: string) => StageLogger);
}

/** Runs them in order; returns the seconds of each, by name. Throws what a stage throws. */
export function runSiteStages({ outDir, base, site, content, stages, logger }: SiteStagesOptions): Promise<Record<string, number>> {
	return runStages(
		stages.filter((s) => s.scope === 'site'),
		{ outDir, base, site, content },
		typeof logger === 'function' ? logger : () => logger,
	);
}

/** What `astro build` leaves for the step after it (GUIDE_SITE_STAGES names the file, written with node:v8's serialize). */
export interface SiteStagesHandoff {
	outDir: string;
	base: string;
	site?: string;
	/** The content of the neighbourhoods built, as the build read it. */
	content: LoadedContent;
}
