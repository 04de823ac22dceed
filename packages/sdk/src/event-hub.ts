/** Typed listeners for one event map: what a card element and a card group both offer the merchant. */
export interface EventHub<M> {
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<K extends keyof M>(type: K, listener: (payload: M[K]) => void): () => void;
  emit<K extends keyof M>(type: K, payload: M[K]): void;
}

export function createEventHub<M>(): EventHub<M> {
  const listeners = new Map<keyof M, Set<unknown>>();
  return {
    on(type, listener) {
      let set = listeners.get(type);
      // biome-ignore lint/suspicious/noAssignInExpressions: the compact form minifies smaller (the SDK has a 4 KB budget)
      if (!set) listeners.set(type, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
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
