/**
 * The "My list" page. It reads the list from the page's address (`?e=` or
 * `?add=`, see src/lib/my-list.ts), or from this browser's storage when the
 * address has none; fetches the neighbourhood's entries in their printed
 * form; shows the chosen ones; and keeps the address, the storage and the
 * page in step as things are taken off. Nothing leaves the device.
 */
import { LIST_PARAM, ADD_PARAM, listQuery, openingList, resolveList, sameList, withoutEntry } from '../lib/my-list.ts';
import { readSaved, save } from './list-storage.ts';

const root = document.querySelector<HTMLElement>('[data-my-list]');
if (root) void start(root);

async function start(root: HTMLElement) {
	const n = root.dataset.n!;
	const name = root.dataset.name!;
	const find = <T extends HTMLElement>(attribute: string) => root.querySelector<T>(`[${attribute}]`)!;
	const status = find('data-my-list-status');
	const entriesList = find<HTMLOListElement>('data-my-list-entries');
	const linkField = find<HTMLInputElement>('data-my-list-link');
	const earlier = find('data-my-list-earlier');

	document.querySelector('[data-my-list-no-js]')?.remove();
	root.hidden = false;
	say('Loading your list…');

	// Every entry of the guide, in its printed form, by current slug and by old slug.
	let source: Document;
	try {
		const response = await fetch(root.dataset.source!);
		if (!response.ok) throw new Error(String(response.status));
		source = new DOMParser().parseFromString(await response.text(), 'text/html');
	} catch {
		say('The list could not be loaded. Check your connection and reload the page.');
		return;
	}
	const entries = new Map<string, HTMLElement>();
	const known = new Map<string, string>();
	for (const entry of source.querySelectorAll<HTMLElement>('[data-entry]')) {
		const slug = entry.dataset.entry!;
		entries.set(slug, entry);
		known.set(slug, slug);
		for (const alias of (entry.dataset.aliases ?? '').split(' ').filter(Boolean)) if (!known.has(alias)) known.set(alias, slug);
	}

	const params = new URLSearchParams(location.search);
	const saved = readSaved(n);
	const opening = openingList({ list: params.get(LIST_PARAM), add: params.get(ADD_PARAM) }, saved);
	const { slugs: initial, missing } = resolveList(opening.slugs, known);
	let slugs = initial;
	const notes: string[] = [];
	if (opening.added && known.has(opening.added)) notes.push(`Added ${titleOf(known.get(opening.added)!)} to your list.`);
	if (missing.length) {
		notes.push(
			missing.length === 1
				? 'One thing on this list is no longer in the guide, so it has been left off.'
				: `${missing.length} things on this list are no longer in the guide, so they have been left off.`,
		);
	}
	if (opening.replacesSaved && !sameList(slugs, resolveList(saved, known).slugs)) {
		save(n, saved, 'earlier');
		earlier.hidden = false;
		notes.push('This list came from a link, so it is now your list on this device. Your earlier list is kept aside.');
	}
	say(notes.join(' '));
	commit();

	// A list cleared with "Start a new list" is held by this page only, never stored: on a computer that
	// several people use (a surgery, a library), the next person cannot bring it back.
	let cleared: string[] | undefined;
	find('data-my-list-restore').addEventListener('click', () => {
		const previous = cleared ?? readSaved(n, 'earlier');
		if (cleared) cleared = undefined;
		else save(n, slugs, 'earlier');
		slugs = resolveList(previous, known).slugs;
		earlier.hidden = true;
		commit();
		say('Your earlier list is back.');
	});
	find('data-my-list-print').addEventListener('click', () => window.print());
	find('data-my-list-copy').addEventListener('click', async () => {
		try {
			await navigator.clipboard.writeText(linkField.value);
			say('The link is copied. You can paste it into an email or a message.');
		} catch {
			linkField.focus();
			linkField.select();
			say('The link is selected. Press Ctrl and C (or Command and C on a Mac) to copy it.');
		}
	});
	find('data-my-list-clear').addEventListener('click', () => {
		cleared = slugs;
		save(n, [], 'earlier');
		slugs = [];
		earlier.hidden = false;
		commit();
		say('Your list is empty now, and nothing of it is kept on this device. To bring it back, do it now, before you leave this page.');
		find<HTMLAnchorElement>('data-my-list-empty').querySelector('a')?.focus();
	});
	window.addEventListener('storage', () => {
		const now = resolveList(readSaved(n), known).slugs;
		if (!sameList(now, slugs)) {
			slugs = now;
			commit();
		}
	});

	/** Make the address, the storage and the page show `slugs`. */
	function commit() {
		save(n, slugs);
		const query = listQuery(slugs);
		history.replaceState(null, '', `${location.pathname}${query}`);
		const address = `${location.origin}${location.pathname}${query}`;
		linkField.value = address;
		find('data-my-list-print-link').textContent = `This list online: ${address.replace(/^https?:\/\//, '')}`;
		const made = document.querySelector('[data-my-list-made]');
		if (made) made.textContent = `Printed on ${new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}.`;
		const titles = slugs.map(titleOf);
		const body = `${titles.map((t) => `- ${t}`).join('\n')}\n\nOpen the list: ${address}\n`;
		find<HTMLAnchorElement>('data-my-list-email').href = `mailto:?subject=${encodeURIComponent(`My list from the ${name} guide`)}&body=${encodeURIComponent(body)}`;
		find('data-my-list-count').textContent = slugs.length === 1 ? 'One thing on this list' : `${slugs.length} things on this list`;
		find('data-my-list-empty').hidden = slugs.length > 0;
		find('data-my-list-full').hidden = slugs.length === 0;
		renderEntries();
	}

	function renderEntries() {
		const items = slugs.map((slug) => {
			const item = document.createElement('li');
			item.className = 'my-list-item';
			item.append(document.importNode(entries.get(slug)!, true));
			const remove = document.createElement('button');
			remove.type = 'button';
			remove.className = 'button my-list-remove';
			const hidden = document.createElement('span');
			hidden.className = 'visually-hidden';
			hidden.textContent = titleOf(slug);
			const label = document.createElement('span');
			label.append('Take ', hidden, ' off my list');
			remove.append(label);
			remove.addEventListener('click', () => {
				const index = slugs.indexOf(slug);
				slugs = withoutEntry(slugs, slug);
				commit();
				say(`Took ${titleOf(slug)} off your list.`);
				// Keep the keyboard where it was: on the next "take off" button, or the heading.
				const next = entriesList.querySelectorAll<HTMLButtonElement>('.my-list-remove')[Math.min(index, slugs.length - 1)];
				(next ?? find('data-my-list-count')).focus();
			});
			item.append(remove);
			return item;
		});
		entriesList.replaceChildren(...items);
	}

	function titleOf(slug: string): string {
		return entries.get(slug)?.querySelector('.p-entry-title')?.textContent?.trim() ?? slug;
	}

	function say(message: string) {
		status.textContent = message;
	}
}
