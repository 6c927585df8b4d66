/**
 * Entries due for re-checking (`npm run stale`): past `stale_after_months`,
 * or within a month of it, grouped by the association that keeps each
 * neighbourhood, as text, as Markdown for a GitHub issue, or as JSON.
 */
import type { LoadedContent } from './content-files.ts';
import { editFileUrl, editingGuideUrl } from './editing-links.ts';
import type { Problem } from './problems.ts';
import { addMonths, isDueSoon, isStale } from './staleness.ts';
import { longDate, plural } from './words.ts';

export interface DueEntry {
	n: string;
	slug: string;
	title: string;
	/** Path shown to editors, like content/neighbourhoods/x/assets/y.md. */
	file: string;
	editUrl?: string;
	lastChecked: Date;
	checkedBy?: string;
	/** When it becomes (or became) stale. */
	dueBy: Date;
	overdue: boolean;
}

export interface DueNeighbourhood {
	n: string;
	name: string;
	entries: DueEntry[];
}

export interface Maintainer {
	name: string;
	email?: string;
	url?: string;
}

export interface DueGroup {
	maintainer: Maintainer;
	neighbourhoods: DueNeighbourhood[];
}

export interface StaleReport {
	today: Date;
	staleAfterMonths: number;
	groups: DueGroup[];
	total: number;
	/** Files or folders that could not be read, so are not looked at: listed, never dropped silently. */
	unreadable: string[];
	editingGuide?: string;
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const UNKNOWN_MAINTAINER = 'No association named yet';

export function staleReport(loaded: LoadedContent, problems: readonly Problem[], today: Date): StaleReport {
	const months = loaded.site?.stale_after_months ?? 12;
	const neighbourhoods = new Map(loaded.neighbourhoods.map((n) => [n.n, n]));
	const groups = new Map<string, DueGroup>();
	let total = 0;

	for (const asset of loaded.assets) {
		const neighbourhood = neighbourhoods.get(asset.n);
		if (asset.data.draft || neighbourhood?.data.draft) continue;
		const checked = asset.data.last_checked;
		if (!isDueSoon(checked, months, today)) continue;
		const maintainer: Maintainer = neighbourhood?.data.maintained_by ?? { name: UNKNOWN_MAINTAINER };
		const key = `${maintainer.name}|${maintainer.email ?? ''}`;
		const group = groups.get(key) ?? { maintainer, neighbourhoods: [] };
		groups.set(key, group);
		let place = group.neighbourhoods.find((g) => g.n === asset.n);
		if (!place) {
			place = { n: asset.n, name: neighbourhood?.data.name ?? asset.n, entries: [] };
			group.neighbourhoods.push(place);
		}
		place.entries.push({
			n: asset.n,
			slug: asset.slug,
			title: asset.data.title,
			file: asset.file,
			editUrl: editFileUrl(loaded.site?.edit_url, asset.contentPath),
			lastChecked: checked,
			checkedBy: asset.data.checked_by,
			dueBy: addMonths(checked, months),
			overdue: isStale(checked, months, today),
		});
		total++;
	}

	const sorted = [...groups.values()].sort((a, b) => collator.compare(a.maintainer.name, b.maintainer.name));
	for (const group of sorted) {
		group.neighbourhoods.sort((a, b) => collator.compare(a.name, b.name));
		for (const n of group.neighbourhoods) n.entries.sort((a, b) => a.dueBy.getTime() - b.dueBy.getTime() || collator.compare(a.title, b.title));
	}
	// Files that could not be read at all (their entries are not in `loaded`); files read but with other errors are listed as usual.
	const read = new Set([...loaded.neighbourhoods, ...loaded.assets, ...loaded.stories].map((r) => r.file));
	const unreadable = [...new Set(problems.filter((p) => p.severity === 'error' && !read.has(p.file)).map((p) => p.file))].sort();
	return { today, staleAfterMonths: months, groups: sorted, total, unreadable, editingGuide: editingGuideUrl(loaded.site?.edit_url) };
}

function when(entry: DueEntry): string {
	const by = entry.checkedBy ? ` by ${entry.checkedBy}` : '';
	return entry.overdue
		? `overdue since ${longDate(entry.dueBy)} (last checked ${longDate(entry.lastChecked)}${by})`
		: `due by ${longDate(entry.dueBy)} (last checked ${longDate(entry.lastChecked)}${by})`;
}

const HOW_TO = 'To re-check an entry: ask whether it is still right, change anything that is not, then set last_checked to the day you checked and checked_by to your name.';

export function staleText(report: StaleReport): string {
	const lines = [`Entries to re-check, ${longDate(report.today)}`, ''];
	if (report.total === 0) {
		lines.push(`Nothing to re-check: no published entry is due in the next month.`);
	} else {
		lines.push(
			`Entries are re-checked every ${plural(report.staleAfterMonths, 'month')} (stale_after_months in site.yaml). These are overdue, or due within a month.`,
		);
		for (const group of report.groups) {
			lines.push('', `${group.maintainer.name}${group.maintainer.email ? ` <${group.maintainer.email}>` : ''}`);
			for (const n of group.neighbourhoods) {
				lines.push(`  ${n.name}: ${plural(n.entries.length, 'entry', 'entries')}`);
				for (const entry of n.entries) lines.push(`    - ${entry.title}: ${when(entry)}`, `      ${entry.file}`);
			}
		}
		lines.push('', `${plural(report.total, 'entry', 'entries')} to re-check. ${HOW_TO}`);
	}
	if (report.unreadable.length) {
		lines.push(
			'',
			`${plural(report.unreadable.length, 'file', 'files')} could not be read, so ${report.unreadable.length === 1 ? 'it is' : 'they are'} not in this list (run npm run check to see why):`,
			...report.unreadable.map((f) => `  ${f}`),
		);
	}
	return lines.join('\n');
}

/** Markdown for the monthly GitHub issue. Titles are escaped, so "@" or "#" in them never mention anyone or link an issue. */
export function staleMarkdown(report: StaleReport): string {
	const lines: string[] = [];
	if (report.total === 0) {
		lines.push(`Nothing to re-check on ${longDate(report.today)}: every published entry has been checked recently. Thank you!`);
	} else {
		lines.push(
			`${plural(report.total, 'entry needs', 'entries need')} re-checking (list made on ${longDate(report.today)}). After ${plural(report.staleAfterMonths, 'month')} without a check, readers are told an entry may have changed.`,
			'',
			`**How to re-check an entry:** ask the people who run it, or a connector, whether it is still right. Open its file (the links below), change anything that is not right, set \`last_checked\` to the day you checked and \`checked_by\` to your name, then commit. ${
				report.editingGuide ? `The [guide for editors](${report.editingGuide}#re-checking-an-entry) shows each step.` : 'docs/editing.md shows each step.'
			}`,
			'',
			'This list is made again each month; an entry leaves it once its `last_checked` is updated.',
		);
		for (const group of report.groups) {
			lines.push('', `## ${md(group.maintainer.name)}`);
			const contact = [group.maintainer.email, group.maintainer.url].filter(Boolean).map((c) => md(c as string));
			if (contact.length) lines.push('', `Contact: ${contact.join(', ')}`);
			for (const n of group.neighbourhoods) {
				lines.push('', `### ${md(n.name)}`, '');
				for (const entry of n.entries) {
					const title = entry.editUrl ? `[${md(entry.title)}](${entry.editUrl})` : md(entry.title);
					const status = entry.overdue ? `**overdue** since ${longDate(entry.dueBy)}` : `due by ${longDate(entry.dueBy)}`;
					lines.push(
						`- [ ] ${title}: ${status}; last checked ${longDate(entry.lastChecked)}${entry.checkedBy ? ` by ${md(entry.checkedBy)}` : ''} (\`${entry.file.replace(/`/g, "'")}\`)`,
					);
				}
			}
		}
	}
	if (report.unreadable.length) {
		lines.push(
			'',
			`**${plural(report.unreadable.length, 'file', 'files')} could not be read**, so ${report.unreadable.length === 1 ? 'it is' : 'they are'} not in this list. Run \`npm run check\`, or look at the checks of the latest pull request, to see why:`,
			'',
			...report.unreadable.map((f) => `- \`${f.replace(/`/g, "'")}\``),
		);
	}
	return `${lines.join('\n')}\n`;
}

export function staleJson(report: StaleReport): string {
	const day = (d: Date) => d.toISOString().slice(0, 10);
	return `${JSON.stringify(
		{
			today: day(report.today),
			staleAfterMonths: report.staleAfterMonths,
			total: report.total,
			entries: report.groups.flatMap((g) =>
				g.neighbourhoods.flatMap((n) =>
					n.entries.map((e) => ({
						maintainer: g.maintainer.name,
						neighbourhood: n.n,
						slug: e.slug,
						title: e.title,
						file: e.file,
						editUrl: e.editUrl,
						lastChecked: day(e.lastChecked),
						checkedBy: e.checkedBy,
						dueBy: day(e.dueBy),
						overdue: e.overdue,
					})),
				),
			),
			unreadable: report.unreadable,
		},
		null,
		2,
	)}\n`;
}

/**
 * Text as itself in Markdown: no links, emphasis or HTML; and no
 * mentions ("@team") or issue links ("#12"), which GitHub makes even from
 * escaped text, so a zero-width space goes after "@" or "#" there.
 */
export function md(text: string): string {
	return text
		.replace(/([\\`*_[\]<>|~!])/g, '\\$1')
		.replace(/(^|[^\w])([@#])(?=\w)/g, '$1$2\u200B');
}
