/**
 * Problems found in content, and the one place they are turned into words.
 *
 * Every problem names the file, the line where it can be seen, the field and
 * what to do: `path:line: field: what is wrong (how to fix it)`. The check,
 * the build and the tests all print problems through `formatProblem`.
 */
import type { z } from 'astro/zod';

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

/** What a value looks like, in words. */
export function describeValue(value: unknown): string {
	if (value === null) return 'empty';
	if (Array.isArray(value)) return 'a list';
	if (value instanceof Date) return 'a date';
	if (typeof value === 'string') return `"${value}"`;
	if (typeof value === 'object') return 'a group of fields';
	return String(value);
}

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
		if (value === undefined && ['invalid_type', 'invalid_union', 'invalid_value'].includes(issue.code)) {
			const name = path.length ? String(path[path.length - 1]) : 'field';
			message = `is missing (add it, like "${name}: ...")`;
		} else if (issue.code === 'invalid_type' && message.startsWith('Invalid input')) {
			const expected = EXPECTED_IN_WORDS[issue.expected] ?? { what: issue.expected, fix: `change it to ${issue.expected}` };
			message = `should be ${expected.what}, not ${describeValue(value)} (${expected.fix})`;
		}
		problems.push(makeProblem(path, message, options));
	}
	return withoutMissingFieldsExplainedByTypos(problems);
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
