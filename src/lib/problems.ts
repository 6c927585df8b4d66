/**
 * Problems found in content, and the one place they are turned into words.
 *
 * Every problem names the file, the line where it can be seen, the field and
 * what to do: `path:line: field: what is wrong (how to fix it)`. The check,
 * the build and the tests all print problems through `formatProblem`.
 */
import type { z } from 'astro/zod';
import { isPlaceholder, placeholderMessage } from '../schema/shared.ts';
import { describeValue } from './words.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
	/** Path of the file, relative to the project (e.g. `content/site.yaml`). */
	file: string;
	line?: number;
	column?: number;
	/** The field, written as an editor would find it: `where.postcode`, `when[2].day`. */
	field?: string;
	message: string;
	severity: Severity;
	/**
	 * Unsafe HTML or a link in Markdown that the build's sanitiser leaves out
	 * of the page: the build carries on without it, `npm run check` reports it.
	 */
	removedByBuild?: boolean;
}

/**
 * Unsafe HTML or a link the build leaves out of the page: an error for the
 * check (it fails until the file is fixed), but not one that stops the build.
 * The one rule for both: check-content.ts's buildErrors and the build's verdict.
 */
export function leftOutByBuild(problem: Problem): boolean {
	return problem.severity === 'error' && problem.removedByBuild === true;
}

export type PathSegment = string | number;

/** `where.postcode`, `when[2].day`. */
export function fieldName(path: readonly PathSegment[]): string {
	let out = '';
	for (const segment of path) {
		if (typeof segment === 'number') out += `[${segment}]`;
		else out += out ? `.${segment}` : segment;
	}
	return out;
}

export function formatProblem(problem: Problem): string {
	const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
	const field = problem.field ? `${problem.field}: ` : '';
	const label = problem.severity === 'warning' ? 'warning: ' : '';
	return `${where}: ${label}${field}${problem.message}`;
}

/** All problems, grouped by file, errors before warnings. */
export function formatReport(problems: readonly Problem[]): string {
	const byFile = new Map<string, Problem[]>();
	for (const problem of sortProblems(problems)) {
		const list = byFile.get(problem.file) ?? [];
		list.push(problem);
		byFile.set(problem.file, list);
	}
	const blocks: string[] = [];
	for (const [file, list] of byFile) {
		blocks.push([file, ...list.map((p) => `  ${formatProblem(p)}`)].join('\n'));
	}
	return blocks.join('\n\n');
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
	return [...problems].sort(
		(a, b) =>
			a.file.localeCompare(b.file) ||
			(a.line ?? 0) - (b.line ?? 0) ||
			(a.field ?? '').localeCompare(b.field ?? '') ||
			a.message.localeCompare(b.message),
	);
}

export function countBySeverity(problems: readonly Problem[]) {
	let errors = 0;
	let warnings = 0;
	for (const p of problems) {
		if (p.severity === 'error') errors++;
		else warnings++;
	}
	return { errors, warnings };
}

/** Thrown when content cannot be built; its message is the whole report. */
export class ContentError extends Error {
	readonly problems: Problem[];
	constructor(problems: Problem[], heading = 'The guides cannot be built until these problems are fixed:') {
		const { errors } = countBySeverity(problems);
		super(
			`${heading}\n\n${formatReport(problems.filter((p) => p.severity === 'error'))}\n\n${errors} ${errors === 1 ? 'problem' : 'problems'}. ` +
				'Run "npm run check" to see them again; docs/editing.md explains each message.',
		);
		this.name = 'ContentError';
		this.problems = problems;
	}
}

/** What a field should be, and how to write it. */
const EXPECTED_IN_WORDS: Record<string, { what: string; fix: string }> = {
	string: { what: 'text', fix: 'write it as words; put it in quotes if it starts with a symbol' },
	number: { what: 'a number', fix: 'write digits only, like 4200' },
	int: { what: 'a whole number', fix: 'write digits only, like 4200' },
	boolean: { what: 'true or false', fix: 'write true or false, without quotes' },
	array: { what: 'a list', fix: 'write each item on its own line starting with "- ", or in brackets like [one, two]' },
	object: { what: 'a group of fields', fix: 'put the fields on the lines below it, indented by two spaces' },
	date: { what: 'a date', fix: 'write it as year-month-day, like 2026-03-14' },
};


/**
 * Turn a zod issue into a problem. `data` is the input that was validated, so
 * that a missing field can be told from a wrong one; `locate` finds the line.
 */
export function problemsFromZod(
	error: z.ZodError,
	options: {
		file: string;
		data: unknown;
		locate?: (path: readonly PathSegment[]) => { line: number; column?: number } | undefined;
		/** A value as written in the file, for the example of how to quote it. */
		written?: (path: readonly PathSegment[]) => string | undefined;
		pathPrefix?: readonly PathSegment[];
	},
): Problem[] {
	const problems: Problem[] = [];
	for (const issue of error.issues) {
		const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
		if (issue.code === 'unrecognized_keys') {
			// One problem per unknown key, each on its own line.
			for (const key of issue.keys) {
				const keyPath = [...path, key];
				const message = issue.message.split('; ').find((m) => m.startsWith(`"${key}"`)) ?? issue.message;
				problems.push(makeProblem(keyPath, message, options));
			}
			continue;
		}
		const value = valueAt(options.data, path);
		let message = issue.message;
		if (value === undefined && ['invalid_type', 'invalid_union', 'invalid_value'].includes(issue.code) && message.startsWith('Invalid')) {
			message = `is missing (${howToAdd(path, options.file)})`;
		} else if (isPlaceholder(value) && !message.startsWith('is not filled in yet')) {
			// A template's "<...>" left in: say so, keeping the schema's advice on what to write.
			message = placeholderMessage(value, /\(([^()]*)\)\s*$/.exec(message)?.[1]);
		} else if (issue.code === 'invalid_type' && issue.expected === 'string' && readAsNotText(value)) {
			message = quoteIt(path, value, options.written?.(path));
		} else if (issue.code === 'invalid_type' && message.startsWith('Invalid input')) {
			const expected = EXPECTED_IN_WORDS[issue.expected] ?? { what: issue.expected, fix: `change it to ${issue.expected}` };
			message = `should be ${expected.what}, not ${describeValue(value)} (${expected.fix})`;
		}
		problems.push(makeProblem(path, message, options));
	}
	return withoutMissingFieldsExplainedByTypos(problems);
}

/** A number, true or false, or a date where text was wanted: YAML read it so because it has no quotes. */
function readAsNotText(value: unknown): value is number | boolean | Date {
	return typeof value === 'number' || typeof value === 'boolean' || value instanceof Date;
}

/**
 * `phone: 07700900441` is read as the number 7700900441, and `start: 1800`
 * as a number too: say what it was read as, and how to write it so it stays
 * as written.
 */
function quoteIt(path: readonly PathSegment[], value: number | boolean | Date, written: string | undefined): string {
	const key = [...path].reverse().find((s): s is string => typeof s === 'string') ?? 'value';
	const asWritten = written && !/^["']/.test(written) ? written : value instanceof Date ? isoDay(value) : String(value);
	const readAs = typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'true or false' : 'a date';
	const lost = typeof value === 'number' && /^[+-]?0\d/.test(asWritten);
	if (key === 'start' || key === 'end') {
		const digits = /^(\d{1,2})[.:]?(\d{2})$/.exec(asWritten);
		const example = digits ? `${digits[1].padStart(2, '0')}:${digits[2]}` : key === 'start' ? '18:00' : '20:00';
		return `${asWritten} is read as ${readAs}, not a time (write the time in quotes with a colon, like ${key}: "${example}")`;
	}
	return `${asWritten} is read as ${readAs}${lost ? ', so the 0 at the start is lost' : ', not as text'} (put it in quotes, like ${key}: "${asWritten}")`;
}

function isoDay(d: Date): string {
	return Number.isNaN(d.getTime()) ? String(d) : d.toISOString().slice(0, 10);
}

/** Examples for required fields, by where they are (`consent.date`; list positions left out). */
const MISSING_FIELD_EXAMPLES: Record<string, string> = {
	title: 'add a line like title: Knit and Natter',
	'site:title': 'add a line like title: Good Life Guides for Northtown',
	summary: 'add a line like summary: A friendly knitting group. Beginners are welcome.',
	kind: 'add a line like kind: group, using one of gift, group, place, organisation or business',
	themes: 'add a line like themes: [company-and-a-cuppa], using ids from content/themes.yaml',
	cost: 'add a line like cost: free, using one of free, donation or paid',
	last_checked: 'add the day someone last made sure it is all true, like last_checked: 2026-03-14',
	author: 'add the author as they chose to be named, like author: Jean, Mill Lane',
	date: 'add the day it was written or told, like date: 2026-03-14',
	consent: "add the author's agreement, like consent: { given: true, date: 2026-03-14 }",
	'consent.given': 'add given: true under consent, once the author has agreed',
	'consent.date': 'add the day the author agreed, like date: 2026-03-14, under consent',
	name: 'add a line like name: Mill Lane',
	area: 'add the streets and landmarks, like area: Mill Lane, Brook Street and the green',
	maintained_by: "add the association that keeps this guide, like maintained_by: { name: Mill Lane Residents' Association }",
	'maintained_by.name': "add the association's name, like name: Mill Lane Residents' Association",
	'connectors.name': 'add their name as they want it shown, like name: Amina Begum',
	'surgeries.name': 'add the practice\'s name, like name: Mill Lane Surgery',
	'when.day': 'add the day of the week, like day: tuesday',
	'image.src': 'add the path of the picture, like src: ../images/garden.jpg',
	'theme:id': 'add an id, like id: company-and-a-cuppa',
	'theme:label': 'add the words readers see, like label: Company and a cuppa',
};

function howToAdd(path: readonly PathSegment[], file: string): string {
	const key = path.filter((s) => typeof s === 'string').join('.');
	const concept = file.endsWith('site.yaml') ? 'site' : file.endsWith('themes.yaml') ? 'theme' : undefined;
	const example = (concept && MISSING_FIELD_EXAMPLES[`${concept}:${key}`]) ?? MISSING_FIELD_EXAMPLES[key];
	if (example) return example;
	const name = path.length ? String(path[path.length - 1]) : 'field';
	return `add it, like "${name}: ..."`;
}

/**
 * `titel:` gives "titel is not a field (did you mean title?)" and "title is
 * missing"; the second only repeats the first, so it goes.
 */
function withoutMissingFieldsExplainedByTypos(problems: Problem[]): Problem[] {
	const explained = new Set<string>();
	for (const p of problems) {
		const guess = /^"[^"]+" is not a field here \(did you mean "([^"]+)"\?\)$/.exec(p.message)?.[1];
		if (guess && p.field) explained.add(`${p.file}|${p.field.replace(/[^.\]]+$/, '')}${guess}`);
	}
	return problems.filter((p) => !(p.message.startsWith('is missing') && explained.has(`${p.file}|${p.field}`)));
}

function makeProblem(
	path: readonly PathSegment[],
	message: string,
	options: {
		file: string;
		locate?: (path: readonly PathSegment[]) => { line: number; column?: number } | undefined;
		pathPrefix?: readonly PathSegment[];
	},
): Problem {
	const fullPath = [...(options.pathPrefix ?? []), ...path];
	// A file that is a list (themes.yaml): "[1].id" means nothing to an editor; the line says which item.
	while (typeof fullPath[0] === 'number') fullPath.shift();
	const position = options.locate?.(path);
	return {
		file: options.file,
		line: position?.line,
		column: position?.column,
		field: fullPath.length ? fieldName(fullPath) : undefined,
		message,
		severity: 'error',
	};
}

export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
	let value: unknown = data;
	for (const segment of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PathSegment, unknown>)[segment];
	}
	return value;
}
