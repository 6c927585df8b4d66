/**
 * Safe content and private people: what `checkContent` adds, so that
 * `npm run check` and the build's preflight report it with file and line.
 *
 * - Raw HTML and addresses in Markdown that the build's sanitiser takes out:
 *   errors for the check, marked `removedByBuild` (the build leaves them out
 *   of the page and carries on).
 * - Unsafe MDX, pictures from outside the neighbourhood, bodies too large or
 *   too deeply nested, and withheld names or numbers written in the text:
 *   errors that stop the build.
 */
import path from 'node:path';
import { isContentFile, type LoadedContent } from '../content-files.ts';
import type { Problem } from '../problems.ts';
import { checkBody } from './body.ts';
import { pictureProblem } from '../picture-file.ts';
import { consentTextProblems } from './consent-text.ts';
import { assetKey } from '../../schema/story.ts';
import { didYouMean } from '../words.ts';
import { NEIGHBOURHOOD_PAGES, SITE_PAGES, routes } from '../urls.ts';
import { basePath } from '../settings.ts';
import { imageContentPath } from '../guide.ts';

/**
 * `entriesOf`: check only these neighbourhoods' texts (a shard, a preview: each
 * neighbourhood's are checked by the build that makes its pages); links still
 * resolve across all of them, and withheld names are looked for everywhere.
 */
export function safetyProblems(loaded: LoadedContent, entriesOf?: (n: string) => boolean): Problem[] {
	const problems: Problem[] = [];
	const known = new Set(loaded.neighbourhoods.map((n) => n.n));
	const published = new Set(loaded.neighbourhoods.filter((n) => !n.data.draft).map((n) => n.n));
	const assets = new Map(loaded.assets.map((a) => [`${a.n}/${a.slug}`, a]));
	const fileExists = (contentPath: string) => isContentFile(loaded.root, contentPath);
	// Every page of the guide an entry's words can link to: entries and stories (old names, aliases, included, which
	// lead there too), each neighbourhood's other pages and files, and the site's own pages.
	const pages = new Set<string>(SITE_PAGES.map((route) => route()));
	for (const asset of loaded.assets) for (const name of [asset.slug, ...(asset.data.aliases ?? [])]) pages.add(routes.asset(asset.n, name));
	for (const story of loaded.stories) pages.add(routes.story(story.n, story.slug));
	for (const n of known) for (const route of NEIGHBOURHOOD_PAGES) pages.add(route(n));
	for (const asset of loaded.assets) for (const theme of asset.data.themes) pages.add(routes.theme(asset.n, theme));
	// Pictures are published only as the picture of a published entry or story (src/integrations/pictures.ts).
	for (const record of [...loaded.assets, ...loaded.stories]) {
		if (!record.data.image || record.data.draft || !published.has(record.n)) continue;
		const picture = imageContentPath(record.contentPath, record.data.image.src);
		if (picture?.startsWith(`neighbourhoods/${record.n}/images/`)) pages.add(picture.replace(/^neighbourhoods/, ''));
	}
	const lookup = (sitePath: string) => {
		if (pages.has(sitePath)) return { exists: true };
		const [, n] = sitePath.split('/');
		// Unreadable files have problems of their own: a link to one is not a second mistake.
		const file = `neighbourhoods${sitePath.replace(/\/$/, '')}`;
		if (fileExists(`${file}.md`) || fileExists(`${file}.mdx`)) return { exists: true };
		const sameStart = (depth: number) => [...pages].filter((p) => p.split('/').slice(1, depth + 1).join('/') === sitePath.split('/').slice(1, depth + 1).join('/'));
		const near = known.has(n) ? (sameStart(2).length > 0 ? sameStart(2) : sameStart(1)) : [...pages];
		return { exists: false, suggestion: didYouMean(sitePath, near) };
	};
	// Links in the words are published as written: on a site under a base path (BASE_PATH=/guides/), a link from the
	// site's root must start with it. Checked without BASE_PATH, a link that starts with one is taken as it is meant.
	const base = basePath();
	const guidePage = (linked: string, fromRoot: boolean) => {
		if (fromRoot && base !== '/') {
			if (!linked.startsWith(base)) return { exists: false, base };
			return lookup(`/${linked.slice(base.length)}`);
		}
		const found = lookup(linked);
		if (found.exists || !fromRoot) return found;
		const [, first] = linked.split('/');
		const rest = `/${linked.split('/').slice(2).join('/')}`;
		if (!known.has(first) && rest !== '/' && lookup(rest).exists) return { exists: true };
		return found;
	};

	for (const record of [...loaded.neighbourhoods, ...loaded.assets, ...loaded.stories]) {
		if (entriesOf && !entriesOf(record.n)) continue;
		const findings = checkBody(record.body, {
			format: record.format,
			contentPath: record.contentPath,
			fileExists,
			pictureProblem: (contentPath) => pictureProblem(path.join(loaded.root, contentPath)),
			draft: record.data.draft,
			guidePage,
			assetState: (ref) => {
				const key = assetKey(ref, record.n);
				const asset = assets.get(key);
				// A file that is there but could not be read has its own problems listed: naming it is no second mistake.
				if (!asset) return ['.md', '.mdx'].some((ext) => fileExists(`neighbourhoods/${key.replace('/', '/assets/')}${ext}`)) ? 'unreadable' : 'missing';
				if (!known.has(asset.n)) return 'unreadable'; // Its neighbourhood's index.md could not be read, and says so.
				return asset.data.draft || !published.has(asset.n) ? 'draft' : 'published';
			},
		});
		for (const finding of findings) {
			problems.push({
				file: record.file,
				line: record.bodyLine + finding.line - 1,
				column: finding.column,
				message: finding.message,
				severity: finding.severity,
				...(finding.removedByBuild ? { removedByBuild: true } : {}),
			});
		}
	}
	problems.push(...consentTextProblems(loaded, entriesOf));
	return problems;
}
