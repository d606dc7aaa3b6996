/**
 * 화면 설정 buttons: set html[data-font-scale] / html[data-krds-mode] and remember them.
 * BaseLayout's inline head script reads the same keys before the first paint.
 */
const FONT_KEY = 'krds-font-scale';
const MODE_KEY = 'krds-mode';

function store(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

function reflect(): void {
  const html = document.documentElement;
  const scale = html.getAttribute('data-font-scale') ?? 'md';
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-font-scale-option]')) {
    b.setAttribute('aria-pressed', String(b.dataset.fontScaleOption === scale));
  }
  const contrast = html.getAttribute('data-krds-mode') === 'high-contrast';
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-contrast-toggle]')) {
    b.setAttribute('aria-pressed', String(contrast));
  }
}

export function initDisplaySettings(): void {
  const html = document.documentElement;
  document.addEventListener('click', (event) => {
    const target = (event.target as Element | null)?.closest<HTMLButtonElement>('[data-font-scale-option],[data-contrast-toggle]');
    if (!target) return;
    if (target.dataset.fontScaleOption) {
      const scale = target.dataset.fontScaleOption;
      if (scale === 'md') html.removeAttribute('data-font-scale');
      else html.setAttribute('data-font-scale', scale);
      store(FONT_KEY, scale === 'md' ? null : scale);
    } else {
      const on = html.getAttribute('data-krds-mode') !== 'high-contrast';
      if (on) html.setAttribute('data-krds-mode', 'high-contrast');
      else html.removeAttribute('data-krds-mode');
      store(MODE_KEY, on ? 'high-contrast' : null);
    }
    reflect();
  });
  reflect();
}
