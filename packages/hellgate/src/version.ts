declare const __HELLGATE_SHIM_VERSION__: string;

/** This package's version (not Hellgate's): set at build from package.json; 'dev' when run from source in tests. */
export const version: string = typeof __HELLGATE_SHIM_VERSION__ === 'string' ? __HELLGATE_SHIM_VERSION__ : 'dev';
