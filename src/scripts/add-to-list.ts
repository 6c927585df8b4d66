/**
 * "Add to my list" on entry pages and cards, hidden in the page until this
 * script shows it (without JavaScript the list cannot work). Without storage
 * each is a plain link to the list page with the entry added
 * (`my-list/?add=slug`). With it, each becomes a button that adds or takes
 * off the entry here, keeps the list in this browser's storage, and shows a
 * link to the list with how many things are on it (the list page reads the
 * list from storage and puts it in its address).
 */
import { withEntry, withoutEntry } from '../lib/my-list.ts';
import { readSaved, save, storageWorks } from './list-storage.ts';

const CHANGED = 'good-life-guides:my-list-changed';
const boxes = document.querySelectorAll<HTMLElement>('[data-my-list-add]');
const withStorage = boxes.length > 0 && storageWorks();
for (const box of boxes) {
	if (withStorage) enhance(box);
	box.hidden = false;
}

function enhance(box: HTMLElement) {
	const { n, slug, title } = box.dataset;
	const link = box.querySelector<HTMLAnchorElement>('a');
	if (!n || !slug || !title || !link) return;
	const listPage = link.href.split('?')[0];

	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'button add-to-list-button';
	const status = document.createElement('span');
	status.className = 'add-to-list-status';
	status.setAttribute('role', 'status');
	const see = document.createElement('a');
	see.className = 'add-to-list-see';

	const render = (announce?: string) => {
		const list = readSaved(n);
		const on = list.includes(slug);
		// One span inside: a flex button would drop the spaces around the hidden title.
		const label = document.createElement('span');
		label.append(on ? 'Take ' : 'Add ', hidden(title), on ? ' off my list' : ' to my list');
		button.replaceChildren(label);
		status.textContent = announce ?? (on ? 'On your list.' : '');
		see.textContent = `See my list (${list.length})`;
		see.href = listPage;
		see.hidden = list.length === 0;
	};
	button.addEventListener('click', () => {
		const list = readSaved(n);
		const on = list.includes(slug);
		save(n, on ? withoutEntry(list, slug) : withEntry(list, slug));
		render(on ? 'Taken off your list.' : 'Added to your list.');
		document.dispatchEvent(new CustomEvent(CHANGED, { detail: box }));
	});
	// Another button on this page changed the list (keep its own message).
	document.addEventListener(CHANGED, (event) => {
		if ((event as CustomEvent<HTMLElement>).detail !== box) render();
	});
	// Another tab changed the list.
	window.addEventListener('storage', () => render());
	window.addEventListener('pageshow', () => render());

	render();
	box.replaceChildren(button, ' ', status, ' ', see);
	box.classList.add('is-enhanced');
}

function hidden(text: string): HTMLElement {
	const span = document.createElement('span');
	span.className = 'visually-hidden';
	span.textContent = text;
	return span;
}
