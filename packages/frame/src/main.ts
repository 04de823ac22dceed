// The frame's only side-effect module: start the frame; the card form element is registered
// by its own module, fetched in parallel (see FrameDeps.defineForm).
import './frame.css';
import type { EarlySessionWindow } from './early-session.ts';
import { startFrame } from './start-frame.ts';

/** Set by the build (vite.config.ts): the font loader's chunk file name. */
declare const __CARDFRAME_FONTS_CHUNK__: string;

startFrame({
  window,
  document,
  fetch: window.fetch.bind(window),
  // A bundler-analysed import (ADR 0037): the form's chunk then takes the modules it shares with
  // this entry (style allowlist, locale table, schemes) from the entry, already loaded, instead of
  // a third chunk both import.
  defineForm: () => import('@cardframe/card-form/define'),
  fontLoader: () => import(/* @vite-ignore */ __CARDFRAME_FONTS_CHUNK__),
  earlySession: (window as EarlySessionWindow).cardframeEarlySession,
});
