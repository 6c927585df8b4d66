/** A step that runs over the built site after Astro has written it (pictures, search index, PDFs). */
import type { AstroIntegrationLogger } from 'astro';
import type { LoadedContent } from '../lib/content-files.ts';

export interface StageContext {
	/** Absolute path of the built site. */
	outDir: string;
	/** The base path, e.g. "/" or "/guides/". */
	base: string;
	/** The site's full address, when known. */
	site?: URL;
	/** The content as the preflight check read it. */
	content: LoadedContent;
	logger: AstroIntegrationLogger;
}

export interface BuildStage {
	name: string;
	/** Throws to fail the build; the message must say what went wrong and what to do. */
	run(context: StageContext): Promise<void>;
}
