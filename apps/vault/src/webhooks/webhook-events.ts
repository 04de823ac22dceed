/** The events a webhook may subscribe to (digest §7). Only the first is emitted by this vault today. */
export const WEBHOOK_EVENTS = ['pci.token.security-code.expired', 'network.token.updated'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** Guardian's "tiny event": context only; the receiver fetches details through the API. */
export interface TinyEvent {
  id: string;
  created_at: string;
  type: WebhookEventType;
  reason: string;
  related_object: { id: string; url: string };
}

export const SECURITY_CODE_EXPIRED_REASON = 'The security code of the PCI token expired.';
