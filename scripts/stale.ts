/**
 * npm run stale -- [content folder] [--format text|markdown|json]
 *
 * Entries due for re-checking: not checked for `stale_after_months` (from
 * site.yaml), or will not have been within a month, grouped by the
 * association that keeps each neighbourhood. Markdown is for the monthly
 * GitHub issue (.github/workflows/stale.yml). Always exits 0 when it ran:
 * entries to re-check are not a failure.
 */
import { parseArgs } from 'node:util';
import { loadContent } from '../src/lib/content-files.ts';
import { staleJson, staleMarkdown, staleReport, staleText } from '../src/lib/stale-report.ts';
import { today } from '../src/lib/today.ts';

const USAGE = `Usage: npm run stale -- [content folder] [--format text|markdown|json]

Lists the entries due for re-checking: overdue, or due within a month,
grouped by the association that keeps each neighbourhood.

  --format text       for people (the default)
  --format markdown   for a GitHub issue, with a checkbox and an edit link for each
  --format json       for other tools`;

function fail(message: string): never {
	console.error(`${message}\n\n${USAGE}`);
	process.exit(2);
}

let parsed;
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } },
	});
} catch (error) {
	fail((error as Error).message);
}
if (parsed.values.help) {
	console.log(USAGE);
	process.exit(0);
}
const format = parsed.values.format;
if (!['text', 'markdown', 'json'].includes(format)) fail(`"${format}" is not a format this knows (use text, markdown or json).`);
if (parsed.positionals.length > 1) fail(`Give one content folder, not ${parsed.positionals.length}.`);

let now: Date;
try {
	now = today();
} catch (error) {
	fail((error as Error).message);
}
const folder = parsed.positionals[0] ?? process.env.CONTENT_DIR ?? 'content';
// Only reading is needed: which entries are due, and which files could not be read at all (npm run check does the rest).
const loaded = loadContent(folder, { today: now });
const report = staleReport(loaded, loaded.problems, now);
process.stdout.write(format === 'markdown' ? staleMarkdown(report) : format === 'json' ? staleJson(report) : `${staleText(report)}\n`);
