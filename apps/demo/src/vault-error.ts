/**
 * A refusal from the vault, reduced to what the merchant server may act on. The vault's
 * own message is kept for the operator's log; it never contains card data (the vault's
 * error bodies are built without it), and the shopper only ever sees the demo's wording.
 */
export class VaultError extends Error {
  override name = 'VaultError';
  constructor(
    /** HTTP status from the vault, or 0 when it could not be reached. */
    readonly status: number,
    /** The Guardian classifier (`NOT_FOUND`, `UNAUTHORIZED`, …), or `UNREACHABLE`. */
    readonly classifier: string,
    message: string,
  ) {
    super(message);
  }
}
