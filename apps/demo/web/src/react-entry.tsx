import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './checkout.css';
import { ReactCheckout } from './react-checkout.tsx';

// The React integration: @cardframe/react and React bundled into this page's own script.
createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <ReactCheckout />
  </StrictMode>,
);
