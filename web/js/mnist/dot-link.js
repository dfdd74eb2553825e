// Links that open one digit in "Dot products, seen": ?s=dot-product&img=i
// (&set=test for a test digit). A plain link works without this; with it,
// a click switches section without reloading the page.
export const digitHref = (img, set = 'train') => `?s=dot-product&img=${img}${set === 'test' ? '&set=test' : ''}`;

export function openDigit(state, img, set = 'train') {
  state.reset(set === 'test' ? { s: 'dot-product', img, set } : { s: 'dot-product', img }, { push: true });
}

// Follows every a[data-img] inside `root` in-page; returns the unbinder.
export function followDigitLinks(root, state) {
  const onClick = (event) => {
    const link = event.target.closest('a[data-img]');
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    openDigit(state, Number(link.dataset.img), link.dataset.set);
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}
