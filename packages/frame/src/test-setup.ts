// No catalog is bundled (see card-form/src/locales/load-catalog.ts): tests that create the form
// directly load English first, as the frame loads the shopper's before it creates one.
import { loadCatalog } from '@cardframe/card-form/locales';

await loadCatalog('en');
