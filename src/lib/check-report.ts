/**
 * How `npm run check` reports what `checkContent` found: as text for people,
 * as GitHub Actions annotations (so problems appear on the lines of a pull
 * request), and as Markdown for the job summary.
 */
import { countBySeverity, formatProblem, sortProblems, type Problem } from './problems.ts';
import { plural } from './words.ts';

export const EDITING_GUIDE = 'docs/editing.md';

/** The last line of the check: how many files, how many problems, what to do next. */
export function summaryLine(problems: readonly Problem[], filesChecked: number, folder: string): string {
	const { errors, warnings } = countBySeverity(problems);
	const checked = `Checked ${filesChecked} ${filesChecked === 1 ? 'file' : 'files'} in ${folder}`;
	if (errors === 0 && warnings === 0) return `${checked}: everything is fine.`;
	const files = new Set(problems.map((p) => p.file)).size;
	const counts = [plural(errors, 'error'), plural(warnings, 'warning')].filter((c) => !c.startsWith('0 ')).join(' and ');
	const inFiles = `${counts} in ${plural(files, 'file')}`;
	if (errors === 0) {
		return `${checked}: ${inFiles}. The guides will still build; the warnings are worth a look. ${EDITING_GUIDE} explains each message.`;
	}
	return `${checked}: ${inFiles}. The guides cannot be published until the errors are fixed. ${EDITING_GUIDE} explains each message.`;
}

/**
 * GitHub shows at most ten error and ten warning annotations per step, so
 * errors come first; everything is also in the log and the job summary.
 */
export function githubAnnotations(problems: readonly Problem[]): string[] {
	const sorted = sortProblems(problems);
	const lines = [...sorted.filter((p) => p.severity === 'error'), ...sorted.filter((p) => p.severity === 'warning')].map((p) => {
		const properties = [`file=${escapeProperty(p.file)}`];
		if (p.line) properties.push(`line=${p.line}`);
		if (p.line && p.column) properties.push(`col=${p.column}`);
		properties.push(`title=${escapeProperty(p.severity === 'error' ? 'Fix this before the guide can be published' : 'Worth a look (the guide still builds)')}`);
		const text = p.field ? `${p.field}: ${p.message}` : p.message;
		return `::${p.severity} ${properties.join(',')}::${escapeData(text)}`;
	});
	const { errors, warnings } = countBySeverity(problems);
	if (errors > 10 || warnings > 10) {
		lines.push(
			`::notice title=${escapeProperty('More problems than GitHub shows')}::${escapeData(
				'GitHub marks only the first ten errors and ten warnings on the changed lines. The full list is in the log of this step and in the summary of this run.',
			)}`,
		);
	}
	return lines;
}

/** Workflow command data: `%`, CR and LF are escaped (as @actions/core does). */
export function escapeData(value: string): string {
	return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow command properties: also `:` and `,`. */
export function escapeProperty(value: string): string {
	return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The whole report as Markdown, for the job summary of a GitHub Actions run. */
export function markdownReport(problems: readonly Problem[], summary: string): string {
	const out = ['## Content check', '', escapeMarkdown(summary), ''];
	const byFile = new Map<string, Problem[]>();
	for (const p of sortProblems(problems)) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
	for (const [file, list] of byFile) {
		out.push(`### \`${file.replace(/`/g, "'")}\``, '');
		for (const p of list) {
			const where = p.line ? `line ${p.line}` : 'the file';
			const label = p.severity === 'error' ? '**Error**' : 'Warning';
			const text = formatProblem({ ...p, file: '', line: undefined, severity: 'error' }).replace(/^: /, '');
			out.push(`- ${label}, ${where}: ${escapeMarkdown(text)}`);
		}
		out.push('');
	}
	return out.join('\n');
}

function escapeMarkdown(text: string): string {
	return text.replace(/([\\`*_[\]<>#|~@])/g, '\\$1');
}
