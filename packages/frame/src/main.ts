// The frame's only side-effect module: start the frame; the card form element is registered
// by its own module, fetched in parallel (see FrameDeps.defineForm).
import './frame.css';
import { startFrame } from './start-frame.ts';

/** Set by the build (vite.config.ts): the card form chunk's file name. */
declare const __CARDFRAME_FORM_CHUNK__: string;

startFrame({ window, document, fetch: window.fetch.bind(window), defineForm: () => import(/* @vite-ignore */ __CARDFRAME_FORM_CHUNK__) });
