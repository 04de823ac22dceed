import type { FrameEvent } from '@cardframe/protocol';

export interface EventSink {
  post(event: FrameEvent): void;
  /** Connects the events port and flushes what was posted before the handshake finished. */
  attach(port: MessagePort): void;
}

/** Queues FrameEvents until the SDK's events port arrives, then posts them in order. */
export function createEventSink(): EventSink {
  let port: MessagePort | undefined;
  const queue: FrameEvent[] = [];
  return {
    post(event) {
      if (port) port.postMessage(event);
      else queue.push(event);
    },
    attach(events) {
      port = events;
      for (const event of queue.splice(0)) events.postMessage(event);
    },
  };
}
