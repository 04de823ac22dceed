import type { CardElement, CardElementOptions, FieldName } from '@cardframe/sdk';
import { HellgateError } from './hellgate-error.ts';
import { mapElementOptions } from './map-options.ts';
import { changeEvent } from './map-state.ts';
import type { ElementEventMap, ElementEventType, ElementOptions, HellgateElement } from './types.ts';

type Listener<K extends ElementEventType> = (event: ElementEventMap[K]) => void;

/** How each Hellgate event is heard on the Cardframe element: which events, and the payload each becomes. */
function subscribe<K extends ElementEventType>(element: CardElement, type: K, listener: Listener<K>): (() => void)[] {
  const hear = listener as (event: unknown) => void;
  switch (type) {
    case 'change':
      return [element.on('change', (state) => hear(changeEvent(state)))];
    case 'ready':
    case 'focus':
    case 'blur':
      return [element.on(type, () => hear({}))];
    case 'keydown':
      // The frame reports Enter as `submit` and Escape as `escape`: the only keys Hellgate reports.
      return [element.on('submit', () => hear({ key: 'Enter' })), element.on('escape', () => hear({ key: 'Escape' }))];
    default:
      throw new HellgateError('INVALID_OPTIONS', `unknown event "${String(type).slice(0, 40)}"`);
  }
}

/**
 * A Hellgate element over one Cardframe element. It only calls the SDK element's methods: the card is
 * typed and kept in the vault-origin frame, and nothing of it passes through here.
 * `field` is the split field it drives (undefined: the combined form), for mapping `update()` options.
 */
export function createHellgateElement(element: CardElement, field: FieldName | undefined, track: (unsubscribe: () => void) => () => void): HellgateElement {
  return Object.freeze({
    mount: (target: string | HTMLElement) => element.mount(target),
    update: async (options: ElementOptions) => {
      const mapped: CardElementOptions = mapElementOptions(options, field, 'options');
      await element.update(mapped);
    },
    clear: () => element.clear(),
    // Cardframe focuses the element's first field: a split field's only one.
    focus: () => element.focus(),
    blur: () => element.blur(),
    unmount: () => element.unmount(),
    on<K extends ElementEventType>(type: K, listener: Listener<K>) {
      const offs = subscribe(element, type, listener);
      const untrack = track(() => {
        for (const off of offs) off();
      });
      return { unsubscribe: untrack };
    },
  });
}
