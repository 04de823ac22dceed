// The frame's only side-effect module: start the frame; the card form element is registered
// by its own module, fetched in parallel (see FrameDeps.defineForm).
import './frame.css';
import { startFrame } from './start-frame.ts';

startFrame({ window, document, fetch: window.fetch.bind(window), defineForm: () => import('@cardframe/card-form/define') });
