/**
 * Reports the content height whenever it changes (fonts load, errors appear, the name field
 * is toggled), so the SDK can size the iframe and nothing is clipped or scrolls.
 * Returns a function that stops observing.
 */
export function reportHeight(target: Element, onHeight: (height: number) => void): () => void {
  let last = -1;
  const observer = new ResizeObserver(() => {
    const height = Math.ceil(target.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      onHeight(height);
    }
  });
  observer.observe(target);
  return () => observer.disconnect();
}

/** The content height right now, for the `ready` event. */
export function measureHeight(target: Element): number {
  return Math.ceil(target.getBoundingClientRect().height);
}
