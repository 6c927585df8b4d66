/**
 * Consent in every output. Every file the build writes is read (pages,
 * search index, feeds, exports, calendars, embeds, print pages and PDFs,
 * whatever exists now or is added later) and searched for what consent
 * withholds. Then consent changes, as it does in life: one neighbour asks for
 * their name to come off, another withdraws altogether, a third pauses; the
 * next build must hold none of them.
 */
import { cpSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CONTENT, FIXTURE_TODAY, OUT, buildOrThrow, buildSite, outDirOf } from '../helpers/build.ts';
import { findIn, readOutputs, type OutputText } from '../helpers/outputs.ts';

/** In the fixture: Margaret Zzholt gave first-name consent; Derek Qqlumb via-connector; Pat Public public. */
const MARGARET_WITHHELD = [/Zzholt/i, /900\s?002/, /margaret\.zzholt/i];
const DEREK_WITHHELD = [/Qqlumb/i, /\bDerek\b/, /900\s?003/];
const PAT = [/Pat Public/, /900\s?001/, /pat@example\.org/];

describe('consent as recorded', () => {
	let outputs: OutputText[];
	beforeAll(() => {
		outputs = [...readOutputs(outDirOf('fixture')), ...readOutputs(outDirOf('fixtureUnderBase'))];
	});

	it('reads every kind of output the build wrote', () => {
		const kinds = new Set(outputs.map((o) => path.extname(o.file) || o.file));
		expect(kinds.has('.html')).toBe(true);
		expect(outputs.length).toBeGreaterThan(20);
	});

	it('shows a public neighbour in full (so the search below can find names)', () => {
		for (const pattern of PAT) expect(findIn(outputs, pattern).length).toBeGreaterThan(0);
		expect(findIn(outputs, /\bMargaret\b/).length).toBeGreaterThan(0);
	});

	it('reads inside the compressed search index too', () => {
		const index = outputs.filter((o) => o.file.startsWith('pagefind/'));
		expect(index.length).toBeGreaterThan(3);
		expect(findIn(index, /Pat Public/).length).toBeGreaterThan(0);
	});

	it('publishes no surname, phone or email that first-name consent withholds', () => {
		for (const pattern of MARGARET_WITHHELD) expect(findIn(outputs, pattern)).toEqual([]);
	});

	it('publishes no name or contact of a neighbour who is introduced by a connector', () => {
		for (const pattern of DEREK_WITHHELD) expect(findIn(outputs, pattern)).toEqual([]);
	});
});

describe('consent changed or withdrawn', () => {
	const content = path.join(OUT, 'consent-changed-content');
	const file = (relative: string) => path.join(content, 'neighbourhoods/testwick', relative);
	const rewrite = (relative: string, change: (text: string) => string) => writeFileSync(file(relative), change(readFileSync(file(relative), 'utf8')));

	beforeAll(() => {
		rmSync(content, { recursive: true, force: true });
		cpSync(FIXTURE_CONTENT, content, { recursive: true });
	});

	it('refuses to build while the text still names a neighbour whose consent no longer allows it', () => {
		// Pat now wants to be introduced by a connector, but the words still say "Pat".
		rewrite('assets/piano-gift.md', (text) => text.replace('consent: public', 'consent: via-connector').replace('consent_date: 2026-01-05', 'consent_date: 2026-05-30'));
		const result = buildSite({ name: 'consent-refused', contentDir: content, today: FIXTURE_TODAY });
		expect(result.status).not.toBe(0);
		expect(result.output).toMatch(/piano-gift\.md:2: title: "Pat" is part of the person's name, and consent: via-connector means no part of it may be shown/);
	});

	it('refuses to build while a story still links to a neighbour who withdrew', () => {
		unlinkSync(file('assets/knitting-first-name.md'));
		const result = buildSite({ name: 'consent-refused', contentDir: content, today: FIXTURE_TODAY });
		expect(result.status).not.toBe(0);
		expect(result.output).toMatch(/first-story\.md:\d+: assets\[1\]: "knitting-first-name" is not an asset/);
	});

	describe('once the words are changed to match', () => {
		let outputs: OutputText[];
		beforeAll(() => {
			// Pat: no name any more.
			rewrite('assets/piano-gift.md', (text) =>
				text
					.replace('title: Pat plays piano for sing-alongs', 'title: A neighbour plays piano for sing-alongs')
					.replace('summary: Pat will play the piano at your group or party.', 'summary: A neighbour will play the piano at your group or party.')
					.replace('how_to_join: Ring Pat.', 'how_to_join: Ask Connie, who will introduce you.')
					.replace('Pat knows every song', 'They know every song'),
			);
			rewrite('stories/singing-story.mdx', (text) => text.replace('Pat played and I sang.', 'The piano played and I sang.'));
			// Margaret withdrew: her entry is gone, and the story that mentioned her is changed.
			rewrite('stories/first-story.md', (text) =>
				text.replace('assets: [weekly-group, knitting-first-name]', 'assets: [weekly-group]').replace('Margaret showed me how to cast on.', 'Someone showed me how to cast on.'),
			);
			// Derek paused: his entry is a draft until he says otherwise.
			rewrite('assets/joiner-via-connector.md', (text) => text.replace('last_checked: 2026-03-01', 'last_checked: 2026-03-01\ndraft: true'));
			outputs = readOutputs(buildOrThrow({ name: 'consent-changed', contentDir: content, today: FIXTURE_TODAY }));
		});

		it('still builds every output', () => {
			expect(outputs.some((o) => o.file === 'testwick/index.html')).toBe(true);
			expect(findIn(outputs, /A neighbour plays piano/).length).toBeGreaterThan(0);
		});

		it('holds nothing of the neighbour who now wants no name', () => {
			for (const pattern of [...PAT, /\bPat\b/]) expect(findIn(outputs, pattern)).toEqual([]);
		});

		it('holds nothing of the neighbour who withdrew', () => {
			for (const pattern of [...MARGARET_WITHHELD, /\bMargaret\b/, /knitting-first-name/, /knitting lessons/i]) expect(findIn(outputs, pattern)).toEqual([]);
		});

		it('holds nothing of the entry that was paused', () => {
			for (const pattern of [...DEREK_WITHHELD, /retired joiner/i, /joiner-via-connector/, /wobbly chairs/i]) expect(findIn(outputs, pattern)).toEqual([]);
		});
	});
});
