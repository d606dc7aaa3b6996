/**
 * Keyboard shortcut `/`: focuses the search box (the search page's own box when
 * there is one, else the header's), unless the visitor is typing somewhere.
 */

/** True when the key press belongs to a text field or editable element. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Install the `/` shortcut once per page. */
export function installSearchShortcut(): void {
  const root = document.documentElement;
  if (root.dataset.searchShortcut) return;
  root.dataset.searchShortcut = 'on';
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (isTypingTarget(event.target)) return;
    const box = document.querySelector<HTMLInputElement>('[data-search-input]') ?? document.querySelector<HTMLInputElement>('[data-header-search-input]');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
}
