/**
 * Everything known to be wrong with a content folder, in one list: what
 * `npm run check` prints and what stops the build. One implementation, so the
 * check and the build always agree.
 */
import { loadContent, type LoadOptions, type LoadedContent } from './content-files.ts';
import { editorChecks } from './editor-checks.ts';
import { leftOutByBuild, type Problem } from './problems.ts';
import { safetyProblems } from './safety/index.ts';
import { validateContent } from './validate.ts';

export interface ContentCheck {
	loaded: LoadedContent;
	problems: Problem[];
	errors: Problem[];
	/** The errors that stop the build: all but unsafe HTML in Markdown, which the build leaves out of the page. */
	buildErrors: Problem[];
}

export interface CheckOptions extends LoadOptions {
	/**
	 * Whose entries get the checks of what they say (unsafe HTML and MDX, names
	 * that consent withholds, writing advice): the costly checks, one entry at a time. Every
	 * neighbourhood is still read, validated and cross-checked. For a shard or
	 * a preview, whose other neighbourhoods are checked by the builds that make
	 * their pages.
	 */
	entryChecksOf?: (n: string) => boolean;
}

export function checkContent(contentDir: string, options: CheckOptions = {}): ContentCheck {
	const loaded = loadContent(contentDir, options);
	const problems = [...loaded.problems, ...validateContent(loaded)];
	problems.push(...editorChecks(loaded, { today: options.today, entriesOf: options.entryChecksOf }));
	problems.push(...safetyProblems(loaded, options.entryChecksOf));
	const errors = problems.filter((p) => p.severity === 'error');
	return { loaded, problems, errors, buildErrors: errors.filter((p) => !leftOutByBuild(p)) };
}
