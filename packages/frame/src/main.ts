// The frame's only side-effect module: register the element, then run the frame.
import '@cardframe/card-form/define';
import './frame.css';
import { startFrame } from './start-frame.ts';

startFrame({ window, document, fetch: window.fetch.bind(window) });
