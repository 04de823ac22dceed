/** Placeholders the built HTML carries where the server fills in values known only at start. */
export const PAGE_PLACEHOLDERS = {
  vaultUrl: '__CARDFRAME_VAULT_URL__',
  sdkIntegrity: '__CARDFRAME_SDK_INTEGRITY__',
  hellgateIntegrity: '__CARDFRAME_HELLGATE_INTEGRITY__',
} as const;

export interface PageValues {
  vaultUrl: string;
  sdkIntegrity: string;
  /** Only the Hellgate-API page pins the Hellgate-shaped script. */
  hellgateIntegrity?: string;
}

const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Fills the vault URL and the scripts' integrity into a built page. Values are attribute-escaped
 * (they come from configuration, but HTML is no place to trust configuration). Throws when a
 * page still lacks a placeholder it needs, so a broken build fails at start, not in a browser.
 */
export function renderPage(html: string, values: PageValues, required: readonly (keyof PageValues)[] = []): string {
  for (const key of required) {
    if (!html.includes(PAGE_PLACEHOLDERS[key])) throw new Error(`page has no ${PAGE_PLACEHOLDERS[key]} placeholder`);
  }
  return html
    .replaceAll(PAGE_PLACEHOLDERS.vaultUrl, escapeAttribute(values.vaultUrl))
    .replaceAll(PAGE_PLACEHOLDERS.sdkIntegrity, escapeAttribute(values.sdkIntegrity))
    .replaceAll(PAGE_PLACEHOLDERS.hellgateIntegrity, escapeAttribute(values.hellgateIntegrity ?? ''));
}
