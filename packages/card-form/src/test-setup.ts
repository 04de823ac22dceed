// No catalog is bundled (see locales/load-catalog.ts): load English before any test mounts a
// form, as the frame loads the shopper's before it creates one.
import { loadCatalog } from './locales/load-catalog.ts';

await loadCatalog('en');
