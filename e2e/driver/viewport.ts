/** Every engine's window: wide enough for the demo's two columns (WebKitGTK cannot go below ~447 px). */
export const VIEWPORT = { width: 1180, height: 860 } as const;
