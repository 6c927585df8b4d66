/**
 * Everything known to be wrong with a content folder, in one list: what
 * `npm run check` prints and what stops the build. One implementation, so the
 * check and the build always agree.
 */
import { loadContent, type LoadOptions, type LoadedContent } from './content-files.ts';
import { editorChecks } from './editor-checks.ts';
import type { Problem } from './problems.ts';
import { safetyProblems } from './safety/index.ts';
import { validateContent } from './validate.ts';

export interface ContentCheck {
	loaded: LoadedContent;
	problems: Problem[];
	errors: Problem[];
	/** The errors that stop the build: all but unsafe HTML in Markdown, which the build leaves out of the page. */
	buildErrors: Problem[];
}

export function checkContent(contentDir: string, options: LoadOptions = {}): ContentCheck {
	const loaded = loadContent(contentDir, options);
	const problems = [...loaded.problems, ...validateContent(loaded)];
	problems.push(...editorChecks(loaded, options));
	problems.push(...safetyProblems(loaded));
	const errors = problems.filter((p) => p.severity === 'error');
	return { loaded, problems, errors, buildErrors: errors.filter((p) => !p.removedByBuild) };
}
