/**
 * Starting a new entry, story or neighbourhood from its template
 * (`npm run new`). Names are checked first; an existing file is never
 * overwritten.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ASSET_KINDS, SLUG_PATTERN, themesSchema, type AssetKind } from '../schema/index.ts';
import { parseEntrySource, parseYamlSource } from './frontmatter.ts';
import { assetTemplate, neighbourhoodTemplate, storyTemplate } from './templates.ts';
import { routes } from './urls.ts';
import { capitalise, didYouMean, suggestSlug } from './words.ts';

export const ENTRY_TYPES = ['asset', 'story', 'neighbourhood'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export interface NewEntryOptions {
	contentDir: string;
	type: string;
	/** The neighbourhood's folder name. */
	n: string;
	/** The title (asset, story) or the name residents use (neighbourhood). */
	title?: string;
	/** The file name without `.md`, when the one made from the title will not do. */
	slug?: string;
	/** For an asset: its kind, so the template can be made to fit (a gift asks for consent). */
	kind?: string;
	/** For a story: write `.mdx`, to use the story components. */
	mdx?: boolean;
	today: Date;
}

export interface NewEntry {
	/** The file written, relative to the working directory. */
	file: string;
	/** Its address on the site, once published. */
	address: string;
}

/** A refusal, in words for the person who typed the command. */
export class NewEntryError extends Error {
	override name = 'NewEntryError';
}

const TITLE_LIMITS: Record<EntryType, number> = { asset: 80, story: 100, neighbourhood: 80 };
const LONGEST_SLUG = 50;

/** A file name from a title, short enough to read in an address: "Knit and Natter!" → "knit-and-natter". */
export function slugFromTitle(title: string): string {
	const slug = suggestSlug(title);
	if (slug.length <= LONGEST_SLUG) return slug;
	const cut = slug.slice(0, LONGEST_SLUG + 1);
	return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : LONGEST_SLUG);
}

export function createEntry(options: NewEntryOptions): NewEntry {
	const type = options.type as EntryType;
	if (!ENTRY_TYPES.includes(type)) {
		const guess = didYouMean(options.type, ENTRY_TYPES);
		throw new NewEntryError(
			`"${options.type}" is not something this can make (${guess ? `did you mean "${guess}"? ` : ''}use asset, story or neighbourhood)`,
		);
	}
	const root = path.resolve(options.contentDir);
	const shown = (p: string) => path.relative(process.cwd(), p) || p;
	if (!existsSync(path.join(root, 'site.yaml'))) {
		throw new NewEntryError(
			`${shown(root)} does not look like a content folder: it has no site.yaml (run this in the project's folder, or set CONTENT_DIR to the folder that holds site.yaml)`,
		);
	}

	const n = options.n;
	if (!n) throw new NewEntryError(`say which neighbourhood, by its folder name (like: npm run new -- ${type} lockside "Title")`);
	if (!SLUG_PATTERN.test(n)) {
		throw new NewEntryError(
			`"${n}" is not a valid neighbourhood folder name (use lowercase letters a-z, digits and single hyphens, like "${suggestSlug(n)}")`,
		);
	}
	const neighbourhoodDir = path.join(root, 'neighbourhoods', n);

	if (type === 'neighbourhood') {
		const name = options.title?.trim() || n.split('-').map(capitalise).join(' ');
		checkLength(name, type);
		const file = path.join(neighbourhoodDir, 'index.md');
		write(file, neighbourhoodTemplate(name, { neighbourhoodName: name, today: options.today }), shown);
		return { file: shown(file), address: routes.neighbourhood(n) };
	}

	if (!existsSync(path.join(neighbourhoodDir, 'index.md'))) {
		const known = listNeighbourhoods(root);
		const guess = didYouMean(n, known);
		throw new NewEntryError(
			`there is no neighbourhood "${n}" in ${shown(path.join(root, 'neighbourhoods'))} (${guess ? `did you mean "${guess}"? ` : ''}${
				known.length ? `the neighbourhoods are: ${known.join(', ')}; ` : ''
			}to start a new one: npm run new -- neighbourhood ${n} "Its name")`,
		);
	}

	const title = options.title?.trim();
	if (!title) throw new NewEntryError(`give the ${type === 'asset' ? 'entry' : 'story'} a title, in quotes (like: npm run new -- ${type} ${n} "Knit and Natter")`);
	checkLength(title, type);

	let kind: AssetKind | undefined;
	if (options.kind !== undefined) {
		if (type !== 'asset') throw new NewEntryError('--kind is for an asset only');
		if (!(ASSET_KINDS as readonly string[]).includes(options.kind)) {
			const guess = didYouMean(options.kind, ASSET_KINDS);
			throw new NewEntryError(
				`"${options.kind}" is not a kind of entry (${guess ? `did you mean "${guess}"? ` : ''}use one of: ${ASSET_KINDS.join(', ')})`,
			);
		}
		kind = options.kind as AssetKind;
	}
	if (options.mdx && type !== 'story') throw new NewEntryError('--mdx is for a story only');

	const slug = options.slug ?? slugFromTitle(title);
	if (!SLUG_PATTERN.test(slug)) {
		throw new NewEntryError(
			`"${slug}" is not a valid file name (use lowercase letters a-z, digits and single hyphens, like "${suggestSlug(slug)}")`,
		);
	}
	const folder = path.join(neighbourhoodDir, type === 'asset' ? 'assets' : 'stories');
	const extension = options.mdx ? '.mdx' : '.md';
	for (const other of ['.md', '.mdx']) {
		const existing = path.join(folder, `${slug}${other}`);
		if (existsSync(existing)) {
			throw new NewEntryError(
				`${shown(existing)} already exists, so nothing was written (choose another title, or give the file another name with --slug <name>)`,
			);
		}
	}

	const renamed = entryWithAlias(folder, slug);
	if (renamed) {
		throw new NewEntryError(
			`"${slug}" is the old name of ${shown(renamed)} (in its aliases), and links to it already printed or shared lead there, so nothing was written (choose another title, or give the file another name with --slug <name>)`,
		);
	}

	const context = { neighbourhoodName: neighbourhoodName(neighbourhoodDir) ?? n, themeIds: themeIds(root), today: options.today };
	const text = type === 'asset' ? assetTemplate(title, context, kind) : storyTemplate(title, context);
	const file = path.join(folder, `${slug}${extension}`);
	write(file, text, shown);
	return { file: shown(file), address: type === 'asset' ? routes.asset(n, slug) : routes.story(n, slug) };
}

function checkLength(title: string, type: EntryType) {
	const limit = TITLE_LIMITS[type];
	if (title.length > limit) {
		throw new NewEntryError(
			`the ${type === 'neighbourhood' ? 'name' : 'title'} is ${title.length} characters long (keep it to ${limit} or fewer)`,
		);
	}
}

/** Writes only if there is no file yet: `wx` refuses in the same step, so nothing is ever overwritten. */
function write(file: string, text: string, shown: (p: string) => string) {
	mkdirSync(path.dirname(file), { recursive: true });
	try {
		writeFileSync(file, text, { flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
			throw new NewEntryError(`${shown(file)} already exists, so nothing was written (edit that file instead)`);
		}
		throw error;
	}
}

/** The entry in `folder` that keeps `slug` as an old name (`aliases`), whose address it still answers. */
function entryWithAlias(folder: string, slug: string): string | undefined {
	if (!existsSync(folder)) return undefined;
	for (const name of readdirSync(folder).sort()) {
		if (!/\.mdx?$/.test(name)) continue;
		const file = path.join(folder, name);
		try {
			const { data } = parseEntrySource(readFileSync(file, 'utf8'), file);
			const aliases = (data as { aliases?: unknown } | undefined)?.aliases;
			if (Array.isArray(aliases) && aliases.some((alias) => String(alias).trim() === slug)) return file;
		} catch {
			// A file that cannot be read is the check's to report, not a reason to refuse a new entry.
		}
	}
	return undefined;
}

function listNeighbourhoods(root: string): string[] {
	const dir = path.join(root, 'neighbourhoods');
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => SLUG_PATTERN.test(name) && statSync(path.join(dir, name)).isDirectory())
		.sort();
}

function neighbourhoodName(dir: string): string | undefined {
	try {
		const file = path.join(dir, 'index.md');
		const { data } = parseEntrySource(readFileSync(file, 'utf8'), file);
		const name = (data as { name?: unknown } | undefined)?.name;
		return typeof name === 'string' ? name : undefined;
	} catch {
		return undefined;
	}
}

function themeIds(root: string): string[] {
	try {
		const file = path.join(root, 'themes.yaml');
		const parsed = themesSchema().safeParse(parseYamlSource(readFileSync(file, 'utf8'), file).data);
		return parsed.success ? parsed.data.map((t) => t.id) : [];
	} catch {
		return [];
	}
}
