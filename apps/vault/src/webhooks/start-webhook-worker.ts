import type { VaultDeps } from '../domain/vault-deps.ts';
import { claimLapsedSecurityCodes } from './claim-lapsed-security-codes.ts';
import { DEFAULT_DELIVERY, deliverDueWebhooks, type DeliveryOptions } from './deliver-webhooks.ts';

export interface WebhookWorker {
  /** Stops polling and waits for the run in progress; unsent rows stay pending for the next start. */
  stop(): Promise<void>;
}

export interface WebhookWorkerOptions {
  intervalMs: number;
  delivery?: Partial<DeliveryOptions>;
  onError(error: Error): void;
}

/**
 * Polls: claim lapsed CVCs into events, then drain the due outbox rows batch by batch. Runs never
 * overlap within a process; across processes the claims and leases keep them apart.
 */
export function startWebhookWorker(deps: VaultDeps, options: WebhookWorkerOptions): WebhookWorker {
  const batchSize = options.delivery?.batchSize ?? DEFAULT_DELIVERY.batchSize;
  let running: Promise<void> | undefined;
  const run = async () => {
    await claimLapsedSecurityCodes(deps);
    for (let batches = 0; batches < 50; batches++) {
      const { delivered, retrying, failed } = await deliverDueWebhooks(deps, options.delivery);
      if (delivered + retrying + failed < batchSize) break;
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = run()
      .catch((error: Error) => options.onError(error))
      .finally(() => {
        running = undefined;
      });
  }, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
