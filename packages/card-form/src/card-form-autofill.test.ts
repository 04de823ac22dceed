/// <reference types="@vitest/browser-playwright" />
import { afterEach, describe, expect, it } from 'vitest';
import { cdp } from 'vitest/browser';
import type { FieldName } from '@cardframe/protocol';
import type { CardframeCardForm } from './card-form.ts';
import './define.ts';

// Chromium-only on purpose: it drives Chromium's own autofill through CDP (no other engine
// exposes autofill to automation). A file of its own: Chromium keeps per-page autofill caches,
// so after the dozens of forms the other tests create it stops parsing new ones. Vitest gives
// each test file a fresh page.
const year = new Date().getFullYear();
let el: CardframeCardForm | undefined;
afterEach(() => el?.remove());
const input = (form: CardframeCardForm, field: FieldName): HTMLInputElement =>
  form.shadowRoot?.querySelector<HTMLInputElement>(`#${field}-input`) as HTMLInputElement;

/** A node of CDP's `DOM.getDocument({ pierce: true })`, which walks shadow roots and frames. */
interface DomNode {
  backendNodeId: number;
  frameId?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

function findById(node: DomNode, id: string, frameId?: string): { node: DomNode; frameId?: string } | undefined {
  const attributes = node.attributes ?? [];
  for (let i = 0; i < attributes.length; i += 2) {
    if (attributes[i] === 'id' && attributes[i + 1] === id) return { node, frameId };
  }
  const inner = [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])];
  for (const child of inner) {
    const hit = findById(child, id, node.frameId ?? frameId);
    if (hit) return hit;
  }
  return undefined;
}

describe('<cardframe-card-form> browser autofill', () => {
  // Chromium's own autofill (driven through CDP Autofill.trigger, as the DevTools autofill
  // panel does) must see the inputs in the shadow root and fill all of them from one pick.
  it('Chromium autofill fills every field of the shadow-root form at once', async () => {
    el = document.createElement('cardframe-card-form');
    el.showCardholderName = true;
    document.body.append(el);
    await el.updateComplete;
    const form = el;
    const seen: boolean[] = [];
    form.addEventListener('cardframe-change', (e) => seen.push(e.detail.complete));
    const session = cdp();
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const target = findById(root, 'number-input');
    if (!target) throw new Error('CDP does not see the number input through the shadow root');
    const card = { number: '4111111111111111', name: 'Ada Lovelace', expiryMonth: '12', expiryYear: String(year + 4), cvc: '123' };
    // Autofill parses forms a moment after they appear; trigger until it has seen this one.
    await expect
      .poll(
        async () => {
          await session.send('Autofill.trigger', {
            fieldId: target.node.backendNodeId,
            ...(target.frameId ? { frameId: target.frameId } : {}),
            card,
          });
          return input(form, 'cvc').value;
        },
        { timeout: 8000, interval: 400 },
      )
      .toBe('123');
    await form.updateComplete;
    expect(['number', 'expiry', 'cvc', 'name'].map((f) => input(form, f as FieldName).value)).toEqual([
      '4111 1111 1111 1111',
      `12 / ${String((year + 4) % 100).padStart(2, '0')}`,
      '123',
      'Ada Lovelace',
    ]);
    expect(form.state.complete).toBe(true);
    expect(seen.at(-1)).toBe(true);
  });
});
