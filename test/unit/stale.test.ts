/** `npm run stale`: what is due, grouped by association and neighbourhood, as text, Markdown and JSON. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check-content.ts';
import { editingGuideUrl } from '../../src/lib/editing-links.ts';
import { md, staleJson, staleMarkdown, staleReport, staleText } from '../../src/lib/stale-report.ts';
import { ROOT } from '../helpers/build.ts';

const FIXTURE = 'test/fixtures/stale';
const today = new Date('2026-06-01T00:00:00Z');

function report(dir = FIXTURE, on = today) {
	const { loaded, problems } = checkContent(path.join(ROOT, dir), { today: on });
	return staleReport(loaded, problems, on);
}

describe('entries to re-check', () => {
	it('lists overdue entries and those due within a month, by association, then neighbourhood, most overdue first', () => {
		const due = report();
		expect(due.total).toBe(5);
		expect(due.groups.map((g) => [g.maintainer.name, g.neighbourhoods.map((n) => [n.name, n.entries.map((e) => e.slug)])])).toEqual([
			['Riverside @team #1', [['Riverside', ['river-due']]]],
			[
				'Two Ends Association',
				[
					['North End', ['long-overdue', 'just-overdue', 'due-in-a-month']],
					['South End', ['south-overdue']],
				],
			],
		]);
		// Not due for a month and a day; drafts and draft neighbourhoods are never listed.
		const slugs = due.groups.flatMap((g) => g.neighbourhoods.flatMap((n) => n.entries.map((e) => e.slug)));
		for (const slug of ['not-yet', 'drafted', 'in-a-draft-neighbourhood']) expect(slugs).not.toContain(slug);
	});

	it('writes text for people, naming files it could not read', () => {
		expect(`\n${staleText(report()).replaceAll(`${FIXTURE}/`, '')}\n`).toMatchInlineSnapshot(`
			"
			Entries to re-check, 1 June 2026

			Entries are re-checked every 6 months (stale_after_months in site.yaml). These are overdue, or due within a month.

			Riverside @team #1 <river@example.org>
			  Riverside: 1 entry
			    - Riverside @everyone #12: due by 15 June 2026 (last checked 15 December 2025)
			      neighbourhoods/riverside/assets/river-due.md

			Two Ends Association <ends@example.org>
			  North End: 3 entries
			    - Long overdue: overdue since 10 July 2025 (last checked 10 January 2025 by Sam)
			      neighbourhoods/north-end/assets/long-overdue.md
			    - Just overdue: overdue since 30 May 2026 (last checked 30 November 2025)
			      neighbourhoods/north-end/assets/just-overdue.md
			    - Due in exactly a month: due by 1 July 2026 (last checked 1 January 2026)
			      neighbourhoods/north-end/assets/due-in-a-month.md
			  South End: 1 entry
			    - [Link] *and* <b>tags</b>: overdue since 1 December 2025 (last checked 1 June 2025)
			      neighbourhoods/south-end/assets/south-overdue.md

			5 entries to re-check. To re-check an entry: ask whether it is still right, change anything that is not, then set last_checked to the day you checked and checked_by to your name.

			1 file could not be read, so it is not in this list (run npm run check to see why):
			  neighbourhoods/riverside/assets/unreadable.md
			"
		`);
	});

	it('writes Markdown for the monthly issue: a checkbox and an edit link each, and no mentions or issue links from titles', () => {
		const markdown = staleMarkdown(report());
		expect(markdown).toMatchInlineSnapshot(`
			"5 entries need re-checking (list made on 1 June 2026). After 6 months without a check, readers are told an entry may have changed.

			**How to re-check an entry:** ask the people who run it, or a connector, whether it is still right. Open its file (the links below), change anything that is not right, set \`last_checked\` to the day you checked and \`checked_by\` to your name, then commit. The [guide for editors](https://github.com/example/guides/blob/main/docs/editing.md#re-checking-an-entry) shows each step.

			This list is made again each month; an entry leaves it once its \`last_checked\` is updated.

			## Riverside @​team #​1

			Contact: river@example.org

			### Riverside

			- [ ] [Riverside @​everyone #​12](https://github.com/example/guides/edit/main/content/neighbourhoods/riverside/assets/river-due.md): due by 15 June 2026; last checked 15 December 2025 (\`test/fixtures/stale/neighbourhoods/riverside/assets/river-due.md\`)

			## Two Ends Association

			Contact: ends@example.org

			### North End

			- [ ] [Long overdue](https://github.com/example/guides/edit/main/content/neighbourhoods/north-end/assets/long-overdue.md): **overdue** since 10 July 2025; last checked 10 January 2025 by Sam (\`test/fixtures/stale/neighbourhoods/north-end/assets/long-overdue.md\`)
			- [ ] [Just overdue](https://github.com/example/guides/edit/main/content/neighbourhoods/north-end/assets/just-overdue.md): **overdue** since 30 May 2026; last checked 30 November 2025 (\`test/fixtures/stale/neighbourhoods/north-end/assets/just-overdue.md\`)
			- [ ] [Due in exactly a month](https://github.com/example/guides/edit/main/content/neighbourhoods/north-end/assets/due-in-a-month.md): due by 1 July 2026; last checked 1 January 2026 (\`test/fixtures/stale/neighbourhoods/north-end/assets/due-in-a-month.md\`)

			### South End

			- [ ] [\\[Link\\] \\*and\\* \\<b\\>tags\\</b\\>](https://github.com/example/guides/edit/main/content/neighbourhoods/south-end/assets/south-overdue.md): **overdue** since 1 December 2025; last checked 1 June 2025 (\`test/fixtures/stale/neighbourhoods/south-end/assets/south-overdue.md\`)

			**1 file could not be read**, so it is not in this list. Run \`npm run check\`, or look at the checks of the latest pull request, to see why:

			- \`test/fixtures/stale/neighbourhoods/riverside/assets/unreadable.md\`
			"
		`);
		expect(markdown).not.toMatch(/(^|[^\w])@everyone|(^|[^\w])#12/);
	});

	it('says when nothing is due', () => {
		const early = new Date('2025-03-01T00:00:00Z');
		const nothing = report('test/fixtures/good/edge', early);
		expect(nothing.total).toBe(0);
		expect(staleText(nothing)).toContain('Nothing to re-check: no published entry is due in the next month.');
		expect(staleMarkdown(nothing)).toContain('Nothing to re-check on 1 March 2025');
	});

	it('gives JSON for other tools', () => {
		const json = JSON.parse(staleJson(report()));
		expect(json.total).toBe(5);
		expect(json.entries[0]).toEqual({
			maintainer: 'Riverside @team #1',
			neighbourhood: 'riverside',
			slug: 'river-due',
			title: 'Riverside @everyone #12',
			file: `${FIXTURE}/neighbourhoods/riverside/assets/river-due.md`,
			editUrl: 'https://github.com/example/guides/edit/main/content/neighbourhoods/riverside/assets/river-due.md',
			lastChecked: '2025-12-15',
			dueBy: '2026-06-15',
			overdue: false,
		});
		expect(json.unreadable).toEqual([`${FIXTURE}/neighbourhoods/riverside/assets/unreadable.md`]);
	});

	it('runs from the command line and exits 0 even when entries are due', () => {
		const run = (...args: string[]) =>
			spawnSync(process.execPath, ['--experimental-strip-types', 'scripts/stale.ts', ...args], {
				cwd: ROOT,
				encoding: 'utf8',
				env: { ...process.env, GUIDE_TODAY: '2026-06-01', CONTENT_DIR: '' },
			});
		const markdown = run(FIXTURE, '--format', 'markdown');
		expect(markdown.status).toBe(0);
		expect(markdown.stdout).toContain('- [ ] [Long overdue](https://github.com/example/guides/edit/main/content/neighbourhoods/north-end/assets/long-overdue.md)');
		const wrong = run('--format', 'pdf');
		expect(wrong.status).toBe(2);
		expect(wrong.stderr).toContain('"pdf" is not a format this knows (use text, markdown or json).');
	});
});

describe('links for editors', () => {
	it('finds the guide for editors from a GitHub edit_url, and nothing from any other', () => {
		expect(editingGuideUrl('https://github.com/org/repo/edit/main/content/')).toBe('https://github.com/org/repo/blob/main/docs/editing.md');
		expect(editingGuideUrl('https://github.com/org/repo/edit/release/2026/content')).toBe('https://github.com/org/repo/blob/release/2026/docs/editing.md');
		expect(editingGuideUrl('https://gitlab.com/org/repo/-/edit/main/content/')).toBeUndefined();
		expect(editingGuideUrl(undefined)).toBeUndefined();
	});

	it('keeps text as itself in Markdown', () => {
		expect(md('[x](y) *b* <i>@team #12 a@b.org')).toBe('\\[x\\](y) \\*b\\* \\<i\\>@\u200Bteam #\u200B12 a@b.org');
	});
});
