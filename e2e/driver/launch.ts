import { existsSync } from 'node:fs';
import { chromiumExecutablePath } from '../../tools/chromium.ts';
import { launchChromium } from './chromium.ts';
import { firefoxExecutablePath, launchFirefox } from './firefox.ts';
import type { EngineBrowser, EngineName, LaunchOptions } from './types.ts';
import { launchWebKit, miniBrowserPath, webkitDriverPath, xvfbPath } from './webkit.ts';

/** What each engine needs on disk, and the Debian package that brings it. */
const REQUIREMENTS: Record<EngineName, { path: string; install: string }[]> = {
  chromium: [{ path: chromiumExecutablePath, install: 'chromium' }],
  firefox: [{ path: firefoxExecutablePath, install: 'firefox-esr' }],
  webkit: [
    { path: webkitDriverPath, install: 'webkit2gtk-driver' },
    { path: miniBrowserPath, install: 'webkit2gtk-driver' },
    { path: xvfbPath, install: 'xvfb xauth' },
  ],
};

/** One line per missing engine piece, naming the package to install; empty when all is there. */
export function missingFor(engine: EngineName): string[] {
  return REQUIREMENTS[engine].filter((need) => !existsSync(need.path)).map((need) => `${engine}: ${need.path} is missing: apt-get install ${need.install}`);
}

export async function launchEngine(engine: EngineName, options: LaunchOptions = {}): Promise<EngineBrowser> {
  const missing = missingFor(engine);
  if (missing.length) throw new Error(missing.join('\n'));
  switch (engine) {
    case 'chromium':
      return launchChromium();
    case 'firefox':
      return launchFirefox(options);
    case 'webkit':
      return launchWebKit();
  }
}
