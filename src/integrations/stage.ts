/** A step that runs over the built site after Astro has written it (pictures, search index, PDFs). */
import type { LoadedContent } from '../lib/content-files.ts';

/** What a stage may say: Astro's logger during a build, the console's in `npm run combine`. */
export interface StageLogger {
	info(message: string): void;
	warn(message: string): void;
	error(message: string): void;
}

export interface StageContext {
	/** Absolute path of the built site. */
	outDir: string;
	/** The base path, e.g. "/" or "/guides/". */
	base: string;
	/** The site's full address, when known. */
	site?: URL;
	/** The content of the neighbourhoods in this output, as the preflight check read it. */
	content: LoadedContent;
	logger: StageLogger;
}

export interface BuildStage {
	name: string;
	/**
	 * "site": the stage needs the whole site (the search index). A shard build
	 * skips it, and `npm run combine` runs it over the combined site instead.
	 * Otherwise it works neighbourhood by neighbourhood, and runs in each shard.
	 */
	scope?: 'site';
	/** Throws to fail the build; the message must say what went wrong and what to do. */
	run(context: StageContext): Promise<void>;
}

/**
 * Runs stages in order over one output, each with its own logger, and says how
 * long each took; returns the seconds of each, by name. Throws what a stage
 * throws. For the stages inside Astro's build and for the site-wide ones after it.
 */
export async function runStages(
	stages: readonly BuildStage[],
	context: Omit<StageContext, 'logger'>,
	loggerFor: (stage: string) => StageLogger,
): Promise<Record<string, number>> {
	const seconds: Record<string, number> = {};
	for (const stage of stages) {
		const logger = loggerFor(stage.name);
		const started = performance.now();
		await stage.run({ ...context, logger });
		seconds[stage.name] = (performance.now() - started) / 1000;
		logger.info(`${stage.name}: ${seconds[stage.name].toFixed(1)}s`);
	}
	return seconds;
}
