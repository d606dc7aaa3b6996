/**
 * Pages whose form mirrors their URL (통합검색, 프로그램 목록, 맞춤 찾기): the form is filled from
 * the URL when the page opens and again on back/forward, and what it asks for is shown then.
 */

/**
 * Follow the URL: on back/forward, `read` the state it holds, `fill` the form with it and `show`
 * it. Fills the form with the state the page opened with and returns that state (the page
 * decides whether to show it straight away).
 */
export function followUrl<T>(read: (params: URLSearchParams) => T, fill: (state: T) => void, show: (state: T) => unknown): T {
  const fromUrl = () => read(new URLSearchParams(location.search));
  window.addEventListener('popstate', () => {
    const state = fromUrl();
    fill(state);
    void show(state);
  });
  const initial = fromUrl();
  fill(initial);
  return initial;
}
