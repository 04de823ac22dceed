export type { Capability, EngineBrowser, EngineName, FramePath, LaunchOptions, PageFunction, RequestGate, SeenRequest, Tab } from './types.ts';
export { ENGINES } from './types.ts';
export { launchEngine, missingFor } from './launch.ts';
export { freePort } from './free-port.ts';
