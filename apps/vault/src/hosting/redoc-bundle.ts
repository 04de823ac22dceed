/**
 * Redoc's standalone bundle draws its "API docs by Redocly" logo from cdn.redoc.ly, the one address outside the vault
 * it loads. The reference page's CSP would block it (a console violation on every load), so the bundle the vault
 * serves points that image at an empty inline SVG instead. Applied by the vault build to the copy it carries, and in
 * memory when the bundle is read from node_modules.
 */
export const REDOC_CDN_LOGOS = ['https://cdn.redoc.ly/redoc/logo-mini.svg', 'https://cdn.redoc.ly/redoc/logo-mini-full.svg'];
const EMPTY_SVG = 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E';

export function withoutCdnLogo(bundle: string): string {
  return REDOC_CDN_LOGOS.reduce((text, url) => text.replaceAll(url, EMPTY_SVG), bundle);
}
