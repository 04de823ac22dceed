/**
 * The demo shop's checkout pages: one shop, one server flow, five ways a merchant integrates.
 * Every page links the others from its footer, so a visitor can compare them.
 */
export const DEMO_PAGES = [
  { href: '/', label: 'Script tag' },
  { href: '/npm.html', label: 'npm bundle' },
  { href: '/split.html', label: 'Split fields' },
  { href: '/react.html', label: 'React' },
  { href: '/hellgate.html', label: 'Hellgate API' },
] as const;

/** The links as static markup (no value from outside the bundle), for the pages that write HTML. */
export const DEMO_NAV_MARKUP = `<nav class="demo-nav" aria-label="Other demo checkouts">${DEMO_PAGES.map(
  (page) => `<a href="${page.href}">${page.label}</a>`,
).join('')}</nav>`;

/** Marks the link to the page being shown, for screen readers and the eye. */
export function markCurrentPage(root: ParentNode, pathname: string): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('.demo-nav a')) {
    if (link.getAttribute('href') === pathname) link.setAttribute('aria-current', 'page');
  }
}
