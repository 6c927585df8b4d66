/**
 * Everything known to be wrong with a content folder, in one list: what
 * `npm run check` prints and what stops the build. One implementation, so the
 * check and the build always agree.
 */
import { loadContent, type LoadOptions, type LoadedContent } from './content-files.ts';
import { editorChecks } from './editor-checks.ts';
import type { Problem } from './problems.ts';
import { validateContent } from './validate.ts';

export interface ContentCheck {
	loaded: LoadedContent;
	problems: Problem[];
	errors: Problem[];
}

export function checkContent(contentDir: string, options: LoadOptions = {}): ContentCheck {
	const loaded = loadContent(contentDir, options);
	const problems = [...loaded.problems, ...validateContent(loaded)];
	problems.push(...editorChecks(loaded, options));
	return { loaded, problems, errors: problems.filter((p) => p.severity === 'error') };
}
