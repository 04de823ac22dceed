/**
 * Functions that run inside the page, shared by every adapter. Each is self-contained (it is
 * serialised into the page), so the deep query is repeated inside each rather than imported.
 */

/** A box in the coordinates of the document the function ran in. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Scrolls the first element matching `selector` (light DOM first, then every open shadow root,
 * depth first) into view and returns its border box, or null when there is none. For an iframe
 * it returns the content box: where the frame's own viewport starts.
 */
export function locateBox(selector: string): Box | null {
  const find = (root: Document | ShadowRoot): Element | null => {
    const direct = root.querySelector(selector);
    if (direct) return direct;
    for (const host of root.querySelectorAll('*')) {
      if (host.shadowRoot) {
        const inner = find(host.shadowRoot);
        if (inner) return inner;
      }
    }
    return null;
  };
  const element = find(document);
  if (!element) return null;
  element.scrollIntoView({ block: 'center', inline: 'center' });
  const rect = element.getBoundingClientRect();
  if (element instanceof HTMLIFrameElement) {
    const style = getComputedStyle(element);
    const left = element.clientLeft + parseFloat(style.paddingLeft);
    const top = element.clientTop + parseFloat(style.paddingTop);
    return { x: rect.x + left, y: rect.y + top, width: element.clientWidth, height: element.clientHeight };
  }
  return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
}

/**
 * The centre of `selector` in the top page's viewport coordinates: the element's box in its own
 * frame plus the content box of every iframe above it. Measured from the innermost outwards,
 * because scrolling an inner element into view may scroll the outer documents too.
 */
export async function centreInTopViewport(
  measure: (selector: string, frame: readonly string[]) => Promise<Box | null>,
  selector: string,
  frame: readonly string[],
): Promise<{ x: number; y: number }> {
  const target = await measure(selector, frame);
  if (!target) throw new Error(`no element matches ${selector} in ${frame.length ? `frame ${frame.join(' > ')}` : 'the top page'}`);
  let x = target.x + target.width / 2;
  let y = target.y + target.height / 2;
  for (let depth = frame.length - 1; depth >= 0; depth--) {
    const box = await measure(frame[depth]!, frame.slice(0, depth));
    if (!box) throw new Error(`no iframe matches ${frame[depth]} any more`);
    x += box.x;
    y += box.y;
  }
  return { x: Math.round(x), y: Math.round(y) };
}
