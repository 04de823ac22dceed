// The frame's only side-effect module: start the frame; the card form element is registered
// by its own module, fetched in parallel (see FrameDeps.defineForm).
import './frame.css';
import { startFrame } from './start-frame.ts';

/** Set by the build (vite.config.ts): the card form's and the font loader's chunk file names. */
declare const __CARDFRAME_FORM_CHUNK__: string;
declare const __CARDFRAME_FONTS_CHUNK__: string;

startFrame({
  window,
  document,
  fetch: window.fetch.bind(window),
  defineForm: () => import(/* @vite-ignore */ __CARDFRAME_FORM_CHUNK__),
  fontLoader: () => import(/* @vite-ignore */ __CARDFRAME_FONTS_CHUNK__),
});
