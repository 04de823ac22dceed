/** Typed listeners for one event map: what a card element and a card group both offer the merchant. */
export interface EventHub<M> {
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<K extends keyof M>(type: K, listener: (payload: M[K]) => void): () => void;
  emit<K extends keyof M>(type: K, payload: M[K]): void;
}

export function createEventHub<M>(): EventHub<M> {
  const listeners = new Map<keyof M, Set<(payload: never) => void>>();
  return {
    on(type, listener) {
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set);
      const entry = listener as (payload: never) => void;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    emit(type, payload) {
      for (const listener of [...(listeners.get(type) ?? [])]) {
        try {
          (listener as (payload: M[typeof type]) => void)(payload);
        } catch (error) {
          // A merchant listener's bug must not stop the other listeners or the bridge.
          setTimeout(() => {
            throw error;
          });
        }
      }
    },
  };
}
