/**
 * Values that YAML readers disagree on (YAML 1.1 against 1.2, one library
 * against another), or that look like something they are not: for the tests
 * that compare the check's reading, the build's and Astro's.
 */
export const TRICKY_VALUES = [
	'07700900441',
	'01134960123',
	'18:00',
	'9:30',
	'2026-02-30',
	'2026-03-14',
	'2026-03-14T10:00:00Z',
	'yes',
	'no',
	'on',
	'True',
	'1e3',
	'0123',
	'0o17',
	'0x1F',
	'1_000',
	'~',
	'null',
	'2pm',
	'KV1 4AB',
	'.5',
	'"quoted: text"',
	'[18:00, 0123]',
	'{ start: 18:00, end: 20:00 }',
] as const;

/** An entry whose one field beside its title is `value`, written as it is. */
export const entryWithValue = (value: string) => `---\ntitle: Tea\nvalue: ${value}\n---\n\nBody.\n`;
