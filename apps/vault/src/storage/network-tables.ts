/** Tables of issue 12: network tokens, their cryptogram references, the sandbox TSP, BIN ranges. */
type Millis = number;

export interface NetworkTokensTable {
  id: string;
  /** The PCI token it was provisioned from (source `pci_token`), if any. */
  pci_token_id: string | null;
  /** Which provider holds it (`sandbox` or the plugged-in provider's name) and its id there. */
  provider: string;
  provider_ref: string;
  /** `network_token.type`: the token service (vts, mdes, …). */
  type: string;
  status: string;
  /** The network token number: card data, AES-256-GCM with AAD `network_tokens:<id>:number`. */
  number_ct: string;
  token_expiry_month: number;
  token_expiry_year: number;
  scheme_reference: string | null;
  /** The underlying card, as for PCI tokens (AAD `network_tokens:<id>:pan` / `:holder`). */
  pan_ct: string;
  holder_ct: string | null;
  bin: string;
  last4: string;
  pan_length: number;
  scheme: string;
  expiry_month: number;
  expiry_year: number;
  metadata: string | null;
  /** The session that created it (source `session`); UNIQUE, so one session creates one token. */
  session_id: string | null;
  owner: string;
  created_at: Millis;
  updated_at: Millis;
}

/** A `reference`-mode cryptogram: single use (`used_at`), short-lived. */
export interface NetworkCryptogramsTable {
  id: string;
  network_token_id: string;
  /** JSON of the provider's Cryptogram (number included), AAD `network_cryptograms:<id>:payload`. */
  payload_ct: string;
  owner: string;
  created_at: Millis;
  expires_at: Millis;
  used_at: Millis | null;
}

/** The sandbox token service's own records: what a scheme's test environment would hold. */
export interface SandboxTspTokensTable {
  ref: string;
  scheme: string;
  /** AAD `sandbox_tsp_tokens:<ref>:number`. */
  number_ct: string;
  /** The per-token cryptogram key, AAD `sandbox_tsp_tokens:<ref>:key`. */
  key_ct: string;
  /** HMAC of the PAN: how many tokens the sandbox has issued for one card (deterministic numbers). */
  pan_fingerprint: string;
  status: string;
  expiry_month: number;
  expiry_year: number;
  created_at: Millis;
}

/** The operator's BIN ranges as imported (attributes), one row per accepted input row. */
export interface BinRangesTable {
  id: number;
  /** Digit strings of equal length (6..12): the PAN prefixes the range covers, inclusive. */
  start: string;
  end: string;
  scheme: string | null;
  type: string | null;
  segment: string | null;
  issuer_name: string | null;
  issuer_country_code: string | null;
  currency_code: string | null;
  product_code: string | null;
  product_name: string | null;
}

/**
 * Disjoint segments over 12-digit PAN prefixes, each naming the range that wins there
 * (longest prefix first, then the narrower range): one indexed lookup per inquiry.
 */
export interface BinSegmentsTable {
  low: number;
  high: number;
  range_id: number;
}

export interface NetworkTables {
  network_tokens: NetworkTokensTable;
  network_cryptograms: NetworkCryptogramsTable;
  sandbox_tsp_tokens: SandboxTspTokensTable;
  bin_ranges: BinRangesTable;
  bin_segments: BinSegmentsTable;
}
