/**
 * How the build's collections read a Markdown or MDX entry's fields: with
 * the YAML reader the content check uses (js-yaml 4, src/lib/frontmatter.ts),
 * in place of the one Astro's loaders bring (`yaml`).
 *
 * Two reasons. The check and the build then read every entry with the same
 * reader, so what the check accepted is what the pages are made from. And
 * js-yaml reads a network's fields about ten times as fast: on 80
 * neighbourhoods (4,880 entries) 0.22 s against 2.3 s, time Astro's content
 * sync spent on its main thread before any page was rendered.
 *
 * Everything else is as Astro reads it: the same frontmatter is found (its
 * own `extractFrontmatter`), the body is what follows it, trimmed, and a file
 * with TOML frontmatter (`+++`), which the check refuses anyway, is left to
 * Astro. test/unit/entry-info.test.ts compares the two readings, field for
 * field and body for body.
 */
import { fileURLToPath } from 'node:url';
import { extractFrontmatter, parseFrontmatter } from 'astro/markdown';
import { load } from 'js-yaml';
import { ENTRY_EXTENSIONS } from './content-files.ts';

/** What Astro's Markdown and MDX entry types return from `getEntryInfo`. */
export interface EntryInfo {
	data: Record<string, unknown>;
	body: string;
	slug: unknown;
	rawData: string;
}

/** An entry's fields and text, as Astro's `getEntryInfo` gives them, read with js-yaml. */
export function entryInfo(contents: string, file: string): EntryInfo {
	const raw = extractFrontmatter(contents);
	if (raw === undefined) return { data: {}, body: contents.trim(), slug: undefined, rawData: '' };
	const block = `---${raw}---`;
	if (!contents.includes(block)) return astroEntryInfo(contents);
	let parsed: unknown;
	try {
		parsed = load(raw, { filename: file });
	} catch (error) {
		// The build's content check reports the same mistake with its line and how to fix it, and that
		// report is what stops the build (content.config.ts, `checked`); this is for anything that reads
		// the collections without it.
		throw new Error(`${file}: the fields at the top could not be read (${(error as Error).message}); "npm run check" says how to fix it`);
	}
	// As Astro: anything but an object (nothing, a comment, a single word) is no fields.
	const data = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
	return { data, body: contents.replace(block, '').trim(), slug: data.slug, rawData: raw };
}

/** Astro's own reading (`safeParseFrontmatter` in its Markdown and MDX entry types). */
export function astroEntryInfo(contents: string): EntryInfo {
	const parsed = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
	const data = parsed.frontmatter as Record<string, unknown>;
	return { data, body: parsed.content.trim(), slug: data.slug, rawData: parsed.rawFrontmatter };
}

interface EntryType {
	getEntryInfo(params: { fileUrl: URL; contents: string }): unknown;
}

/**
 * A loader's context in which Markdown and MDX entries are read with
 * `entryInfo`. Astro's glob loader finds how to read a file in the context's
 * `entryTypes`, which Astro passes to every loader but does not document: if
 * a later Astro stops passing it, the context is returned as it was, and the
 * entries are read by Astro's reader (the same fields, read more slowly).
 */
export function readingEntriesAsTheCheck<C extends object>(context: C): C {
	const types: unknown = (context as { entryTypes?: unknown }).entryTypes;
	if (!(types instanceof Map)) return context;
	const ours = new Map(types as Map<string, EntryType>);
	for (const extension of ENTRY_EXTENSIONS) {
		const type = ours.get(extension);
		if (!type) continue;
		// Everything else of the type (how it renders, its types) is Astro's, through the prototype.
		const reading: EntryType = Object.create(type);
		reading.getEntryInfo = ({ contents, fileUrl }) => entryInfo(contents, fileURLToPath(fileUrl));
		ours.set(extension, reading);
	}
	return { ...context, entryTypes: ours };
}
