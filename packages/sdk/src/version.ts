declare const __CARDFRAME_VERSION__: string | undefined;

/** The SDK version, injected at build time from package.json. */
export const version: string = typeof __CARDFRAME_VERSION__ === 'string' ? __CARDFRAME_VERSION__ : '0.0.0-dev';
