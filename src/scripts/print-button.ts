/**
 * "Print it" buttons on pages made for paper. The buttons are hidden in the
 * HTML and shown only here, so a browser without JavaScript never shows a
 * button that does nothing (the page says how to print instead).
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
	button.hidden = false;
	button.addEventListener('click', () => window.print());
}
for (const hint of document.querySelectorAll<HTMLElement>('[data-print-hint]')) hint.hidden = true;
