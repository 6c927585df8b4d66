/**
 * npm run check -- [content folder] [--format text|github]
 *
 * Checks every file of the guides with the same code as the build, and
 * prints every problem at once, grouped by file:
 * `path:line: field: what is wrong (how to fix it)`.
 * Exits 1 when there are errors, 0 when there are only warnings or none,
 * 2 when it was asked something it does not understand.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/lib/check-content.ts';
import { githubAnnotations, markdownReport, summaryLine } from '../src/lib/check-report.ts';
import { formatReport } from '../src/lib/problems.ts';
import { today } from '../src/lib/today.ts';

const USAGE = `Usage: npm run check -- [content folder] [--format text|github]

Checks the guides in the content folder (default: CONTENT_DIR, or "content")
and lists every problem, with the file, the line and how to fix it.

  --format text     for people (the default)
  --format github   GitHub Actions annotations, so problems show on the lines
                    of a pull request

docs/editing.md explains each message.`;

function fail(message: string): never {
	console.error(`${message}\n\n${USAGE}`);
	process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
	return parseArgs({
		allowPositionals: true,
		options: {
			format: { type: 'string', default: 'text' },
			help: { type: 'boolean', short: 'h' },
		},
	});
}
try {
	args = parse();
} catch (error) {
	fail((error as Error).message);
}
if (args.values.help) {
	console.log(USAGE);
	process.exit(0);
}
const format = args.values.format;
if (format !== 'text' && format !== 'github') fail(`"${format}" is not a format this check knows (use text or github).`);
if (args.positionals.length > 1) fail(`Give one content folder, not ${args.positionals.length}.`);

const folder = args.positionals[0] ?? process.env.CONTENT_DIR ?? 'content';
let now: Date;
try {
	now = today();
} catch (error) {
	fail((error as Error).message);
}

const { loaded, problems, errors } = checkContent(folder, { today: now });
const shownFolder = path.relative(process.cwd(), path.resolve(folder)) || '.';
const summary = summaryLine(problems, loaded.sources.size, shownFolder);

if (format === 'github') {
	for (const line of githubAnnotations(problems)) console.log(line);
	if (problems.length) console.log(`\n${formatReport(problems)}\n`);
	console.log(summary);
	if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${markdownReport(problems, summary)}\n`);
} else {
	if (problems.length) console.log(`${formatReport(problems)}\n`);
	console.log(summary);
}
process.exit(errors.length ? 1 : 0);
