/**
 * Reading content files as editors write them: YAML files and Markdown with
 * YAML frontmatter. Values are read exactly as Astro reads them, so what the
 * check accepts the build accepts: gray-matter finds the frontmatter, and it
 * is parsed with js-yaml 4's `load` (YAML 1.2: `18:00` is text, an unquoted
 * `07700900441` is a number), not gray-matter's own js-yaml 3 (YAML 1.1),
 * which read such values differently, so the check passed entries the build
 * then crashed on. The build reads entries with the same js-yaml
 * (src/lib/entry-info.ts); Astro's own reader, the `yaml` package since Astro
 * 7.4, reads them the same (test/unit/yaml-agreement.test.ts and
 * test/unit/entry-info.test.ts compare the readings). Lines are found with
 * `yaml`, which keeps source positions, but only when a problem needs a line
 * number.
 */
import matter from 'gray-matter';
import { load } from 'js-yaml';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { impossibleDate } from './dates.ts';
import { fieldName, type PathSegment, type Problem } from './problems.ts';

export interface ParsedSource {
	/** The parsed frontmatter or YAML, or undefined when it could not be read. */
	data: unknown;
	/** The Markdown after the frontmatter ('' for YAML files). */
	body: string;
	/** Line of the file on which the body starts (1-based). */
	bodyLine: number;
	/** Finds the line of a field in the file. */
	locate: (path: readonly PathSegment[]) => { line: number; column: number } | undefined;
	/** A value as it is written in the file (`07700900441`, not the number it is read as). */
	written?: (path: readonly PathSegment[]) => string | undefined;
	/** An entry's fields as written, from its first "---" to its second: for checks that read the raw lines. */
	frontmatter?: string;
	/** YAML syntax errors and the like: the file could not be read at all. */
	problems: Problem[];
	/**
	 * Values read without error that do not say what was written: an
	 * impossible date such as 2026-02-30, which YAML reads as 2 March. The
	 * fields can still be checked.
	 */
	valueProblems?: Problem[];
}

const FRONTMATTER_OPEN = /^---[ \t]*\r?\n/;

/** A Markdown or MDX entry with frontmatter between `---` lines. */
export function parseEntrySource(withBom: string, file: string): ParsedSource {
	// Some Windows editors start files with an invisible byte-order mark; Astro reads past it, so must we.
	const source = withBom.replace(/^\uFEFF/, '');
	if (!FRONTMATTER_OPEN.test(source)) {
		return failed(source, file, {
			line: 1,
			message:
				'has no fields at the top (start the file with a line of three dashes "---", then the fields, then another "---")',
		});
	}
	if (!FRONTMATTER_CLOSE.test(source.replace(FRONTMATTER_OPEN, ''))) {
		return failed(source, file, {
			line: 1,
			message:
				'the fields at the top have no closing line of three dashes (add a line "---" after the last field, before the text)',
		});
	}
	const early = tabIndent(source, file);
	if (early) return early;
	let parsed: matter.GrayMatterFile<string>;
	try {
		// js-yaml 4's load, as the build reads entries (src/lib/entry-info.ts). Passing options also turns off
		// gray-matter's cache, which would keep every file in memory.
		parsed = matter(source, { excerpt: false, engines: { yaml: (text: string) => load(text) as object } });
	} catch (error) {
		return unreadable(source, file, error);
	}
	const data: unknown = parsed.data;
	const yamlText = parsed.matter;
	const closeIndex = source.length - parsed.content.length;
	const notFields = notAMap(data, yamlText, file, 0);
	if (notFields) return notFields;
	const reader = lazyReader(yamlText);
	return {
		// Astro keeps a parsed object and reads anything else (nothing, a comment) as no fields.
		data: data && typeof data === 'object' ? data : {},
		body: source.slice(closeIndex),
		bodyLine: source.slice(0, closeIndex).split('\n').length,
		locate: reader.locate,
		written: reader.written,
		frontmatter: source.slice(0, closeIndex),
		problems: [],
		valueProblems: impossibleDates(yamlText, file, reader),
	};
}

/** A whole YAML file, such as `site.yaml`. */
export function parseYamlSource(withBom: string, file: string): ParsedSource {
	const source = withBom.replace(/^\uFEFF/, '');
	const early = tabIndent(source, file);
	if (early) return early;
	try {
		// js-yaml 4's load, naming the file; Astro's file() loader reads themes.yaml the same (yaml-agreement.test.ts).
		const data = load(source, { filename: file });
		const reader = lazyReader(source);
		return {
			data,
			body: '',
			bodyLine: 1,
			locate: reader.locate,
			written: reader.written,
			problems: [],
			valueProblems: impossibleDates(source, file, reader),
		};
	} catch (error) {
		return unreadable(source, file, error);
	}
}

const FRONTMATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

function failed(source: string, file: string, problem: Omit<Problem, 'file' | 'severity'>): ParsedSource {
	return {
		data: undefined,
		body: source,
		bodyLine: 1,
		locate: () => undefined,
		problems: [{ file, ...problem, severity: 'error' }],
	};
}

/** `cannot be read (line 3, column 10): what is wrong (how to fix it)`. */
function cannotRead(line: number | undefined, column: number | undefined, what: string): string {
	const where = line ? ` (line ${line}${column ? `, column ${column}` : ''})` : '';
	return `the fields cannot be read${where}: ${what}`;
}

/**
 * YAML reads a tab-indented line as if it were not indented at all, so a
 * field would silently move out of its group. Refuse tabs, with the line.
 */
function tabIndent(source: string, file: string): ParsedSource | undefined {
	const lines = yamlLines(source);
	const index = lines.findIndex((l) => /^ *\t/.test(l));
	if (index < 0) return undefined;
	return failed(source, file, {
		line: index + 1,
		column: lines[index].indexOf('\t') + 1,
		message: cannotRead(index + 1, undefined, 'the line is indented with a tab (indent with spaces instead: two for each level)'),
	});
}

/** The lines of the YAML part: the whole file for .yaml, the lines up to the closing "---" for entries. */
function yamlLines(source: string): string[] {
	const lines = source.split(/\r?\n/);
	if (!FRONTMATTER_OPEN.test(source)) return lines;
	const close = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(l));
	return close < 0 ? lines : lines.slice(0, close).map((l, i) => (i === 0 ? '' : l));
}

/** `title:Tea` reads as text, not a field: say so rather than "should be a group of fields". */
function notAMap(data: unknown, yamlText: string, file: string, firstLine: number): ParsedSource | undefined {
	if (data === null || data === undefined || (typeof data === 'object' && !Array.isArray(data) && !(data instanceof Date))) return undefined;
	const lines = yamlText.split(/\r?\n/);
	const index = lines.findIndex((l) => l.trim() && !l.trim().startsWith('#'));
	const line = index < 0 ? undefined : firstLine + index + 1;
	return failed(yamlText, file, {
		line,
		message: cannotRead(
			line,
			undefined,
			'these are not fields (write each field as its name, a colon, a space and the value, like title: Knit and Natter)',
		),
	});
}

function unreadable(source: string, file: string, error: unknown): ParsedSource {
	const mark = (error as { mark?: { line: number; column: number } }).mark;
	const reason = (error as { reason?: string }).reason ?? (error as Error).message ?? String(error);
	// The YAML starts with the rest of the opening `---` line, so its lines are lines of the file.
	const explained = explainYamlError(reason, yamlLines(source), mark ? { line: mark.line + 1, column: mark.column + 1 } : undefined);
	return failed(source, file, {
		line: explained.line,
		column: explained.column,
		message: cannotRead(explained.line, explained.column, explained.what),
	});
}

/**
 * js-yaml's reasons in plain words, pointing at the line where the mistake
 * is rather than where the parser gave up (an unclosed quote is noticed only
 * at the end of the fields).
 */
export function explainYamlError(
	reason: string,
	lines: readonly string[],
	mark: { line: number; column: number } | undefined,
): { line?: number; column?: number; what: string } {
	const at = mark ?? { line: undefined, column: undefined };
	const lineText = (n: number | undefined) => (n ? (lines[n - 1] ?? '') : '');

	const quote = /within a (double|single) quoted scalar/.exec(reason);
	if (quote) {
		const mark = quote[1] === 'double' ? '"' : "'";
		for (let n = Math.min(at.line ?? lines.length, lines.length); n >= 1; n--) {
			const count = lineText(n).split(mark).length - 1;
			if (count % 2 === 1) {
				return {
					line: n,
					column: lineText(n).indexOf(mark) + 1,
					what: `a quote mark ${mark} opens here but never closes (add the closing ${mark} at the end of the value)`,
				};
			}
		}
		return { ...at, what: `a quote mark ${mark} opens but never closes (add the closing ${mark} at the end of the value)` };
	}
	if (/duplicated mapping key/.test(reason)) {
		const key = /^\s*-?\s*([^:#]+?)\s*:/.exec(lineText(at.line))?.[1];
		const first = key ? lines.findIndex((l) => new RegExp(`^\\s*-?\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`).test(l)) + 1 : 0;
		return {
			...at,
			what: key
				? `"${key}" is written twice${first && first !== at.line ? `, first on line ${first}` : ''} (keep one of them)`
				: 'a field is written twice (keep one of them)',
		};
	}
	// `title:Tea` (no space after the colon) reads as words, not a field, and the parser stops on a later line.
	// The line the parser stopped on, or the one before it if that is a field at the same level or further out
	// (a more indented line before is part of a longer value, like "email:jo@example.org" under "how_to_join: |").
	const indent = (n: number) => /^\s*/.exec(lineText(n))?.[0].length ?? 0;
	for (const n of [at.line, at.line && at.line - 1].filter((n): n is number => !!n && n >= 1)) {
		if (n !== at.line && at.line && indent(n) > indent(at.line)) continue;
		const squeezed = /^(\s*-?\s*)([a-z_]+):([^\s:/"'].*)$/.exec(lineText(n));
		if (squeezed && !/within a flow collection|missed comma/.test(reason)) {
			const value = squeezed[3].length > 30 ? `${squeezed[3].slice(0, 30).replace(/\s+\S*$/, '')}…` : squeezed[3];
			return {
				line: n,
				column: squeezed[1].length + squeezed[2].length + 2,
				what: `there is no space after the colon in "${squeezed[2]}:${value}" (write ${squeezed[2]}: ${value})`,
			};
		}
	}
	/** A colon inside a value, or text after a closing quote, on one of these lines: both read as a second field. */
	const valueMistake = (candidates: (number | undefined)[]) => {
		for (const n of candidates.filter((n): n is number => !!n && n >= 1)) {
			const text = lineText(n);
			if (/^\s*-?\s*[\w-]+:\s+["'][^"']*["']\s*[^\s#]/.test(text)) {
				return {
					line: n,
					column: undefined,
					what: 'there is more text after the closing quote (put quotes around the whole value, using single quotes outside if the text has double quotes in it, like title: \'The "Tea" club\')',
				};
			}
			if (/^\s*-?\s*[\w-]+:\s+[^"'\s].*:\s/.test(text)) {
				return {
					line: n,
					column: undefined,
					what: 'the value has a colon and a space in it, which would start a new field (put the value in quotes, like title: "Tea: and talk")',
				};
			}
		}
		return undefined;
	};
	if (/incomplete explicit mapping pair|a multiline key may not be an implicit key/.test(reason)) {
		// Usually on this line or the one before.
		return (
			valueMistake([at.line, (at.line ?? 1) - 1]) ?? {
				...at,
				what: 'a line is not "field: value" (check for a missing colon, or a colon inside text that needs quotes)',
			}
		);
	}
	// js-yaml 4 calls both of those "bad indentation" of the line they are on.
	const mistake = /bad indentation of a mapping entry/.test(reason) ? valueMistake([at.line]) : undefined;
	if (mistake) return mistake;
	if (/bad indentation/.test(reason)) {
		const indent = /^\s*/.exec(lineText(at.line))?.[0].length ?? 0;
		return {
			line: at.line,
			column: at.line ? indent + 1 : undefined,
			what: 'this line is indented differently from the lines around it (line it up: each level in is two spaces)',
		};
	}
	if (/missed comma between flow collection entries|within a flow collection|end of the stream within a flow/.test(reason)) {
		// The parser notices on a later line; point at the line whose bracket is not closed.
		let line = at.line;
		for (let n = Math.min(at.line ?? lines.length, lines.length); n >= 1; n--) {
			const text = lineText(n);
			if (text.split('[').length > text.split(']').length || text.split('{').length > text.split('}').length) {
				line = n;
				break;
			}
		}
		return {
			line,
			column: line === at.line ? at.column : undefined,
			what: 'a list in square brackets is not closed, or is missing a comma (write it like themes: [food, music])',
		};
	}
	const field = /^\s*-?\s*([\w-]+):\s*(.*)$/.exec(lineText(at.line));
	const first = field?.[2].charAt(0) ?? '';
	if (/unidentified alias|reserved|document separator is expected|unknown tag|name of an anchor/.test(reason) && /[*&!@`%|>]/.test(first)) {
		const value = field?.[2].trim().replace(/"/g, "'") ?? '';
		return {
			...at,
			what: `the value starts with "${first}", which has a special meaning here (put the value in quotes, like ${field?.[1]}: "${value}")`,
		};
	}
	return { ...at, what: `${reason} (check for a missing colon, an unclosed quote or uneven indentation)` };
}

type Reader = ReturnType<typeof lazyReader>;

/**
 * Functions from a field path to its line and to its value as written. The
 * YAML is re-read with positions only when it is first needed, as most files
 * have no problems.
 */
function lazyReader(yamlText: string) {
	let doc: ReturnType<typeof parseDocument> | undefined;
	let counter: LineCounter | undefined;
	let lines: string[] | undefined;
	const document = () => {
		if (!doc) {
			counter = new LineCounter();
			doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: false });
		}
		return { doc, counter: counter as LineCounter };
	};
	const locate = (path: readonly PathSegment[]) => {
		// Most lines asked for are of a top-level field (last_checked, summary): a field written once at the
		// start of a line is found by reading lines, without parsing the YAML again.
		if (path.length === 1 && typeof path[0] === 'string' && /^[\w-]+$/.test(path[0])) {
			lines ??= yamlText.split(/\r?\n/);
			const key = new RegExp(`^${path[0]}[ \\t]*:`);
			const found = lines.flatMap((l, i) => (key.test(l) ? [i + 1] : []));
			if (found.length === 1) return { line: found[0], column: 1 };
		}
		const { doc, counter } = document();
		const offset = offsetOf(doc.contents as Node | null, path);
		if (offset === undefined) return undefined;
		const { line, col } = counter.linePos(offset);
		return { line, column: col };
	};
	const written = (path: readonly PathSegment[]) => {
		const node = nodeAt(document().doc.contents as Node | null, path);
		return isScalar(node) && node.range ? yamlText.slice(node.range[0], node.range[1]).trim() : undefined;
	};
	/** Every plain (unquoted) value with its path and offset. */
	const plainValues = () => {
		const found: { path: PathSegment[]; text: string; offset: number }[] = [];
		const walk = (node: unknown, path: PathSegment[]) => {
			if (isMap(node)) {
				for (const pair of node.items) if (isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
			} else if (isSeq(node)) {
				node.items.forEach((item, index) => walk(item, [...path, index]));
			} else if (isScalar(node) && node.type === 'PLAIN' && node.range) {
				found.push({ path, text: yamlText.slice(node.range[0], node.range[1]).trim(), offset: node.range[0] });
			}
		};
		walk(document().doc.contents, []);
		return found;
	};
	const lineOf = (offset: number) => document().counter.linePos(offset).line;
	return { locate, written, plainValues, lineOf };
}

/** The node at `path`, or undefined. */
function nodeAt(node: Node | null, path: readonly PathSegment[]): unknown {
	let current: unknown = node;
	for (const segment of path) {
		if (isMap(current)) {
			const pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
			current = pair?.value;
		} else if (isSeq(current) && typeof segment === 'number') {
			current = current.items[segment];
		} else {
			return undefined;
		}
	}
	return current;
}

// A date as YAML reads one unquoted: four digits, two, two. Month 13 or 30 February are read too, as a later day.
const DATE_LIKE = /\b\d{4}-\d{2}-\d{2}\b/g;

/**
 * Unquoted dates that are not in the calendar. YAML reads 2026-02-30 as 2
 * March without a word, and a schema sees only the date it was given, so
 * they are found here, in the text as written. Quick: the YAML is read again
 * only when some date-like text is impossible.
 */
function impossibleDates(yamlText: string, file: string, reader: Reader): Problem[] {
	const suspects = yamlText.match(DATE_LIKE)?.filter((text) => impossibleDate(text));
	if (!suspects?.length) return [];
	return reader.plainValues().flatMap(({ path, text, offset }) => {
		// The forms YAML reads as a date: the day alone, or with a time after "T" or a space.
		const day = /^(\d{4}-\d{2}-\d{2})(?:[Tt ]\d.*)?$/.exec(text)?.[1];
		const why = day ? impossibleDate(day) : undefined;
		if (!day || !why) return [];
		return [
			{
				file,
				line: reader.lineOf(offset),
				field: path.length ? fieldName(path) : undefined,
				message: `${day} is not a date: ${why} (write a day that is in the calendar, year-month-day, like 2026-03-14)`,
				severity: 'error' as const,
			},
		];
	});
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
