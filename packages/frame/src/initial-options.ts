import { parseCardElementOptions, type CardElementOptions } from '@cardframe/protocol';

/** The merchant's options as the frame URL carried them: the JSON text, and its checked value. */
export interface InitialOptions {
  json: string;
  value: CardElementOptions;
}

/**
 * Reads the options the SDK put in the fragment (FrameParams.options), checked with the same
 * allowlists as every update. Anything unreadable is ignored rather than shown: the SDK checked
 * them already and sends them again as its first update, which then reports the problem as before.
 */
export function readInitialOptions(json: string | undefined): InitialOptions | undefined {
  if (json === undefined) return undefined;
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch {
    return undefined;
  }
  const parsed = parseCardElementOptions(input);
  return parsed.ok ? { json, value: parsed.value } : undefined;
}
