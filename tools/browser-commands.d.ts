// The browser commands of vault-browser-project.ts, as the test page calls them.
import 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    vaultUrl: () => Promise<string>;
    createSession: () => Promise<string>;
    readToken: (tokenId: string) => Promise<{ card?: { scheme?: string; masked_account_number?: string } }>;
    typeInFrame: (frameSelector: string, inputSelector: string, text: string) => Promise<void>;
  }
}
