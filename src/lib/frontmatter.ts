/**
 * Reading content files as editors write them: YAML files and Markdown with
 * YAML frontmatter. Values are parsed by gray-matter with js-yaml, as Astro
 * parses them; lines are found with `yaml`, which keeps source positions, but
 * only when a problem needs a line number.
 */
import matter from 'gray-matter';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { PathSegment, Problem } from './problems.ts';

export interface ParsedSource {
	/** The parsed frontmatter or YAML, or undefined when it could not be read. */
	data: unknown;
	/** The Markdown after the frontmatter ('' for YAML files). */
	body: string;
	/** Line of the file on which the body starts (1-based). */
	bodyLine: number;
	/** Finds the line of a field in the file. */
	locate: (path: readonly PathSegment[]) => { line: number; column: number } | undefined;
	/** YAML syntax errors and the like: the file could not be read at all. */
	problems: Problem[];
}

const FRONTMATTER_OPEN = /^---[ \t]*\r?\n/;

/** A Markdown or MDX entry with frontmatter between `---` lines. */
export function parseEntrySource(source: string, file: string): ParsedSource {
	if (!FRONTMATTER_OPEN.test(source)) {
		return {
			data: undefined,
			body: source,
			bodyLine: 1,
			locate: () => undefined,
			problems: [
				{
					file,
					line: 1,
					message:
						'has no frontmatter (start the file with a line of three dashes "---", then the fields, then another "---")',
					severity: 'error',
				},
			],
		};
	}
	let parsed: matter.GrayMatterFile<string>;
	try {
		// Passing options turns off gray-matter's cache, which would otherwise keep every file in memory.
		parsed = matter(source, { excerpt: false });
	} catch (error) {
		return unreadable(source, file, error);
	}
	const closeIndex = source.length - parsed.content.length;
	const frontmatterLines = source.slice(0, closeIndex).split('\n').length;
	const yamlText = parsed.matter;
	return {
		data: parsed.data ?? {},
		body: parsed.content,
		bodyLine: frontmatterLines,
		locate: lazyLocator(yamlText),
		problems: [],
	};
}

/** A whole YAML file, such as `site.yaml`. */
export function parseYamlSource(source: string, file: string): ParsedSource {
	try {
		// gray-matter's engine is js-yaml, as for frontmatter.
		const data = (matter as unknown as { engines: { yaml: { parse: (s: string) => unknown } } }).engines.yaml.parse(source);
		return { data, body: '', bodyLine: 1, locate: lazyLocator(source), problems: [] };
	} catch (error) {
		return unreadable(source, file, error);
	}
}

function unreadable(source: string, file: string, error: unknown): ParsedSource {
	const mark = (error as { mark?: { line: number; column: number } }).mark;
	const reason = (error as { reason?: string }).reason ?? (error as Error).message ?? String(error);
	// gray-matter keeps the rest of the opening `---` line, so lines of the YAML are lines of the file.
	const line = mark ? mark.line + 1 : undefined;
	const column = mark ? mark.column + 1 : undefined;
	return {
		data: undefined,
		body: source,
		bodyLine: 1,
		locate: () => undefined,
		problems: [
			{
				file,
				line,
				column,
				message: `the YAML cannot be read${column ? ` at line ${line}, column ${column}` : ''}: ${reason} (${yamlHint(reason)})`,
				severity: 'error',
			},
		],
	};
}

function yamlHint(reason: string): string {
	if (/indent/i.test(reason)) return 'line the fields up: each level is indented by two spaces, never tabs';
	if (/tab/i.test(reason)) return 'use spaces, not tabs, to indent';
	if (/duplicate|duplicated/i.test(reason)) return 'a field is written twice: keep one';
	if (/colon|mapping/i.test(reason))
		return 'each line is "field: value"; put text containing a colon in quotes, like title: "Tea: and talk"';
	return 'check for a missing colon, an unclosed quote or uneven indentation';
}

/**
 * A function from a field path to its line. The YAML is re-read with
 * positions only when it is first needed, as most files have no problems.
 */
function lazyLocator(yamlText: string) {
	let doc: ReturnType<typeof parseDocument> | undefined;
	let counter: LineCounter | undefined;
	return (path: readonly PathSegment[]) => {
		if (!doc) {
			counter = new LineCounter();
			doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: false });
		}
		const offset = offsetOf(doc.contents as Node | null, path);
		if (offset === undefined || !counter) return undefined;
		const { line, col } = counter.linePos(offset);
		return { line, column: col };
	};
}

/** The source offset of the deepest node along `path` (the key, for map entries). */
function offsetOf(node: Node | null, path: readonly PathSegment[]): number | undefined {
	let current: Node | null = node;
	let best = current?.range?.[0];
	for (const segment of path) {
		if (isMap(current)) {
			const pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
			if (!pair) return best;
			best = (pair.key as Node).range?.[0] ?? best;
			current = (pair.value as Node | null) ?? null;
		} else if (isSeq(current) && typeof segment === 'number') {
			const item = current.items[segment] as Node | undefined;
			if (!item) return best;
			best = item.range?.[0] ?? best;
			current = item;
		} else {
			return best;
		}
	}
	return best;
}
