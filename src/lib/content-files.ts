/**
 * Reads a whole `content/` folder from disk and validates every file with the
 * same schemas the Astro build uses. Used by `npm run check`, by the build's
 * preflight and by tests. Every problem is collected; nothing stops at the
 * first, and no file is skipped without saying so.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import {
	SLUG_PATTERN,
	assetSchema,
	neighbourhoodSchema,
	siteSchema,
	storySchema,
	themesSchema,
	type Asset,
	type Neighbourhood,
	type Site,
	type Story,
	type Theme,
} from '../schema/index.ts';
import { parseEntrySource, parseYamlSource, type ParsedSource } from './frontmatter.ts';
import { problemsFromZod, type Problem } from './problems.ts';
import { today as defaultToday } from './today.ts';
import { TEMPLATE_BODY_MESSAGE, templateParagraphLine } from './templates.ts';
import { suggestSlug } from './words.ts';

export interface SourceFile {
	/** Path as shown to editors, relative to the working directory: `content/neighbourhoods/x/assets/y.md`. */
	file: string;
	/** Path under `content/`: `neighbourhoods/x/assets/y.md` (for "Edit this page"). */
	contentPath: string;
	/** Line on which the Markdown body starts. */
	bodyLine: number;
	body: string;
	/** `.md` or `.mdx`. */
	format: 'md' | 'mdx';
}

export interface NeighbourhoodRecord extends SourceFile {
	n: string;
	data: Neighbourhood;
}
export interface AssetRecord extends SourceFile {
	n: string;
	slug: string;
	data: Asset;
}
export interface StoryRecord extends SourceFile {
	n: string;
	slug: string;
	data: Story;
}

export interface LoadedContent {
	/** Absolute path of the content folder. */
	root: string;
	site?: Site;
	themes: Theme[];
	neighbourhoods: NeighbourhoodRecord[];
	assets: AssetRecord[];
	stories: StoryRecord[];
	problems: Problem[];
	/** Parsed sources by file, for checks that need the text again (lines of the body). */
	sources: Map<string, ParsedSource>;
}

export interface LoadOptions {
	today?: Date;
	/** Only these neighbourhoods (for previews and shards). */
	only?: (n: string) => boolean;
}

/** The files that are entries: Markdown and MDX. */
export const ENTRY_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.mdx']);

/**
 * Why an entry's fields say it belongs in the other folder, or undefined:
 * a story has an author and a date and no kind; an entry has a kind and no author.
 */
function wrongFolder(data: unknown, folder: 'assets' | 'stories'): string | undefined {
	if (!data || typeof data !== 'object') return undefined;
	const has = (field: string) => field in data;
	if (folder === 'assets' && has('author') && has('date') && !has('kind')) {
		return 'looks like a story (it has author: and date:, and no kind:), but it is in the assets/ folder';
	}
	if (folder === 'stories' && has('kind') && !has('author')) {
		return 'looks like an entry for the guide (it has kind:, and no author:), but it is in the stories/ folder';
	}
	return undefined;
}

export function loadContent(contentDir: string, options: LoadOptions = {}): LoadedContent {
	const root = path.resolve(contentDir);
	const today = options.today ?? defaultToday();
	const loaded: LoadedContent = {
		root,
		themes: [],
		neighbourhoods: [],
		assets: [],
		stories: [],
		problems: [],
		sources: new Map(),
	};
	const shown = (absolute: string) => path.relative(process.cwd(), absolute) || absolute;
	const problem = (file: string, message: string, extra: Partial<Problem> = {}) =>
		loaded.problems.push({ file, message, severity: 'error', ...extra });

	if (!existsSync(root)) {
		problem(shown(root), 'the content folder does not exist (create it, or set CONTENT_DIR to the folder that holds site.yaml)');
		return loaded;
	}

	// site.yaml
	const siteFile = path.join(root, 'site.yaml');
	const site = readYaml(siteFile, 'site settings', siteSchema());
	if (site) loaded.site = site;

	// themes.yaml
	const themes = readYaml(path.join(root, 'themes.yaml'), 'themes', themesSchema());
	if (themes) loaded.themes = themes;
	const themeIds = themes ? themes.map((t) => t.id) : undefined;
	const assetEntrySchema = assetSchema({ themeIds, today });
	const storyEntrySchema = storySchema({ themeIds, today });
	const neighbourhoodEntrySchema = neighbourhoodSchema();

	const neighbourhoodsDir = path.join(root, 'neighbourhoods');
	if (!existsSync(neighbourhoodsDir)) {
		problem(shown(neighbourhoodsDir), 'the folder is missing (each neighbourhood lives in content/neighbourhoods/<name>/index.md)');
		return loaded;
	}

	for (const n of listDir(neighbourhoodsDir)) {
		const dir = path.join(neighbourhoodsDir, n);
		if (ignored(n)) continue;
		if (!statSync(dir).isDirectory()) {
			if (isEntryLike(n)) {
				problem(
					shown(dir),
					`is not inside a neighbourhood's folder, so it will not be published (move it to the assets/ or stories/ folder of its neighbourhood, like ${shown(path.join(neighbourhoodsDir, '<neighbourhood>', 'assets'))}/${n}, or start its name with "_" to keep it as a note)`,
				);
			}
			continue;
		}
		if (options.only && !options.only(n)) continue;
		if (!SLUG_PATTERN.test(n)) {
			problem(
				shown(dir),
				`"${n}" is not a valid neighbourhood folder name, so none of its entries can be published (rename the folder using lowercase letters a-z, digits and single hyphens, like "${suggestSlug(n)}")`,
			);
			continue;
		}
		const indexFile = path.join(dir, 'index.md');
		if (!existsSync(indexFile)) {
			problem(shown(dir), 'has no index.md (add one with name, summary, area and maintained_by; `npm run new -- neighbourhood` makes one)');
		} else {
			const data = readEntry(indexFile, neighbourhoodEntrySchema);
			if (data) loaded.neighbourhoods.push({ n, data: data.value, ...data.source });
		}

		for (const [folder, list, schema] of [
			['assets', loaded.assets, assetEntrySchema],
			['stories', loaded.stories, storyEntrySchema],
		] as const) {
			const folderPath = path.join(dir, folder);
			if (!existsSync(folderPath)) continue;
			for (const name of listDir(folderPath)) {
				const file = path.join(folderPath, name);
				if (ignored(name)) continue;
				if (statSync(file).isDirectory()) {
					// assets/old/x.md: the guide reads only the files directly in assets/ and stories/.
					for (const stray of entriesUnder(file)) {
						problem(
							shown(stray),
							`is in a folder inside ${folder}/, where the guide does not look, so it will not be published (move it up into ${shown(folderPath)}/, or start the folder's name with "_", like "_${name}", to keep what is in it as notes)`,
						);
					}
					continue;
				}
				const ext = path.extname(name);
				const slug = path.basename(name, ext);
				// "stay-and-play.md.txt" or "stay-and-play.md.md": the suggestion is stay-and-play.md, not stay-and-play-md.md.
				const stem = slug.replace(/(\.(md|mdx|markdown|txt|text|docx?|rtf|odt|pages|html?))+$/i, '');
				if (!ENTRY_EXTENSIONS.has(ext)) {
					problem(shown(file), `is not a Markdown file, so it will not be published (name it "${suggestSlug(stem)}.md", or start its name with "_" to keep it as a note)`);
					continue;
				}
				if (!SLUG_PATTERN.test(slug)) {
					problem(
						shown(file),
						`"${name}" is not a valid file name, so it will not be published (rename it "${suggestSlug(stem)}${ext}": lowercase letters a-z, digits and single hyphens)`,
					);
					continue;
				}
				const data = readEntry(file, schema, folder);
				if (data) (list as Array<AssetRecord | StoryRecord>).push({ n, slug, data: data.value as never, ...data.source });
			}
		}
		for (const name of listDir(dir)) {
			if (ignored(name) || ['index.md', 'assets', 'stories'].includes(name)) continue;
			const file = path.join(dir, name);
			// An entry written anywhere else in the neighbourhood would vanish without a word: each is an error.
			const strays = statSync(file).isDirectory() ? entriesUnder(file) : isEntryLike(name) ? [file] : [];
			for (const stray of strays) {
				const where = name === 'index.mdx' ? ` (the neighbourhood's own page must be called index.md: rename it)` : '';
				problem(
					shown(stray),
					`is not in a place the guide reads, so it will not be published${where || ` (move it to ${shown(path.join(dir, 'assets'))}/ if it is an entry, or to ${shown(path.join(dir, 'stories'))}/ if it is a story; or start its name with "_" to keep it as a note)`}`,
				);
			}
			if (strays.length || name === 'images') continue;
			loaded.problems.push({
				file: shown(path.join(dir, name)),
				message: `is not part of the guide and will not be published (entries go in assets/ or stories/; start the name with "_" to keep it as a note)`,
				severity: 'warning',
			});
		}
	}
	return loaded;

	function readYaml<S extends z.ZodType>(file: string, what: string, schema: S): z.output<S> | undefined {
		if (!existsSync(file)) {
			problem(shown(file), `is missing (create it: it holds the ${what})`);
			return undefined;
		}
		const parsed = parseYamlSource(readFileSync(file, 'utf8'), shown(file));
		return validate(file, parsed, schema);
	}

	function readEntry<S extends z.ZodType>(file: string, schema: S, folder?: 'assets' | 'stories') {
		const parsed = parseEntrySource(readFileSync(file, 'utf8'), shown(file));
		const misfiled = folder && !parsed.problems.length ? wrongFolder(parsed.data, folder) : undefined;
		if (misfiled) {
			// A story saved among the entries (or the other way round): one message saying where it goes, not a list of its fields.
			loaded.sources.set(shown(file), parsed);
			problem(shown(file), `${misfiled}, so it will not be published as it is (move it to ${shown(path.join(path.dirname(path.dirname(file)), misfiled.startsWith('looks like a story') ? 'stories' : 'assets'))}/)`);
			return undefined;
		}
		const value = validate(file, parsed, schema);
		if (value === undefined) return undefined;
		const source: SourceFile = {
			file: shown(file),
			contentPath: path.relative(root, file).split(path.sep).join('/'),
			body: parsed.body,
			bodyLine: parsed.bodyLine,
			format: file.endsWith('.mdx') ? 'mdx' : 'md',
		};
		return { value: value as z.output<S>, source };
	}

	function validate<S extends z.ZodType>(file: string, parsed: ParsedSource, schema: S): z.output<S> | undefined {
		loaded.sources.set(shown(file), parsed);
		if (parsed.problems.length) {
			loaded.problems.push(...parsed.problems);
			return undefined;
		}
		const result = schema.safeParse(parsed.data);
		if (!result.success) {
			loaded.problems.push(
				...problemsFromZod(result.error, { file: shown(file), data: parsed.data, locate: parsed.locate, written: parsed.written }),
			);
		}
		// An impossible date: the fields are still checked, so every problem of the file is told at once.
		loaded.problems.push(...(parsed.valueProblems ?? []));
		if (!result.success || parsed.valueProblems?.length) {
			// The editor checks read only files whose fields are right: a new file's example paragraph is told now, with its fields, not after them.
			const line = templateParagraphLine(parsed.body, parsed.bodyLine);
			if (line !== undefined) loaded.problems.push({ file: shown(file), line, message: TEMPLATE_BODY_MESSAGE, severity: 'error' });
			return undefined;
		}
		return result.data;
	}
}

/** Whether `contentPath` (relative to the content folder `root`) is a file: a picture a page shows, say. */
export function isContentFile(root: string, contentPath: string): boolean {
	const file = path.join(root, contentPath);
	return existsSync(file) && statSync(file).isFile();
}

/** The same content with only the neighbourhoods `keep` accepts (and their entries). */
export function ofNeighbourhoods(loaded: LoadedContent, keep: (n: string) => boolean): LoadedContent {
	const only = <T extends { n: string }>(list: readonly T[]) => list.filter((record) => keep(record.n));
	return { ...loaded, neighbourhoods: only(loaded.neighbourhoods), assets: only(loaded.assets), stories: only(loaded.stories) };
}

function listDir(dir: string): string[] {
	return readdirSync(dir).sort();
}

/** A file written as an entry would be: `.md` or `.mdx`, in any case (`Notes.MD`). */
function isEntryLike(name: string): boolean {
	return ENTRY_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/**
 * Every `.md` or `.mdx` file in a folder and the folders inside it, but not in
 * notes (`_old/`, `_idea.md`). Links are not followed: a link to a folder
 * could lead back here.
 */
function entriesUnder(dir: string): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
		if (ignored(entry.name)) continue;
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) found.push(...entriesUnder(full));
		else if (isEntryLike(entry.name)) found.push(full);
	}
	return found;
}

/** `_notes.md`, `_templates/`, `.DS_Store`: kept out of the guide on purpose. */
export function ignored(name: string): boolean {
	return name.startsWith('_') || name.startsWith('.');
}
