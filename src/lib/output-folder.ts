/**
 * Where a build may write. Astro empties its output folder before it builds,
 * so OUT_DIR pointed at the wrong folder deletes whatever is in it: the
 * guides themselves when it is the content folder or holds it, the project
 * when it holds that, and a person's own files anywhere else. A build refuses
 * such a folder before anything is written, and says what to choose instead.
 *
 * Folders a build may empty: a new or empty folder, or one a build made
 * before (every build puts its styles and scripts in `_astro/`).
 * `npm run combine` writes its --out folder by the same rule (src/integrations/combine.ts).
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { shownPath } from './build-scope.ts';

/**
 * What only a build makes: the folder of a site's styles and scripts, present in every site this
 * project builds, and Astro's own working folder, left behind by a build that stopped half way.
 */
const BUILD_MARKS = ['_astro', '.prerender'];
/** What may be in a folder that is otherwise empty: a Git checkout to publish from, a Mac's folder settings. */
const HARMLESS = new Set(['.git', '.DS_Store']);

/** `target` with symbolic links resolved as far as it exists, so two names for one folder compare equal. */
function real(target: string): string {
	const absolute = path.resolve(target);
	const missing: string[] = [];
	let existing = absolute;
	while (!existsSync(existing)) {
		const parent = path.dirname(existing);
		if (parent === existing) break;
		missing.unshift(path.basename(existing));
		existing = parent;
	}
	return path.join(realpathSync(existing), ...missing);
}

/** Whether `inner` is `outer` or a folder inside it. */
export function within(inner: string, outer: string): boolean {
	const relative = path.relative(outer, inner);
	return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * What is wrong with building into `out`, in words with the fix; undefined when it is safe.
 * `setting` is how the person named the folder: `OUT_DIR=` for a build, `--out ` to combine shards.
 */
export function outputFolderProblem(out: string, content: string, project: string, setting = 'OUT_DIR='): string | undefined {
	const [o, c, p] = [real(out), real(content), real(project)];
	const named = `${setting}${shownPath(path.resolve(out))}`;
	const instead =
		setting === 'OUT_DIR='
			? 'Choose a folder of its own for the built site, like OUT_DIR=dist (or leave OUT_DIR out).'
			: `Choose a folder of its own for the built site, like ${setting}dist.`;
	if (within(c, o)) {
		return `${named} is ${o === c ? 'the content folder' : `a folder that holds the content folder (${shownPath(content)})`}: a build empties its output folder first, which would delete the guides. ${instead}`;
	}
	if (within(o, c)) {
		return `${named} is inside the content folder (${shownPath(content)}): the built pages would be mixed in with the guides and read as content. ${instead}`;
	}
	if (within(p, o)) {
		return `${named} holds this project (${shownPath(project)}): a build empties its output folder first, which would delete the project. ${instead}`;
	}
	if (!existsSync(o) || !statSync(o).isDirectory()) return undefined;
	const names = readdirSync(o).filter((name) => !HARMLESS.has(name));
	if (names.length === 0 || names.some((name) => BUILD_MARKS.includes(name))) return undefined;
	const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
	return `${named} already holds files that no build made (${shown}): a build empties its output folder first, which would delete them. ${instead} If you are sure they can go, delete the folder yourself first.`;
}
