import { css } from 'lit';

/**
 * Default theme: one bordered group (number on its own row, expiry and CVC side by side),
 * light, AA contrast (text #1a1f36, labels #4b5563, errors #b42318 on white). Applied as a
 * constructable stylesheet: the frame's CSP has no 'unsafe-inline', so no <style> elements.
 */
export const cardFormStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
    color: #1a1f36;
    -webkit-font-smoothing: antialiased;
  }
  .form {
    margin: 0;
  }
  .group {
    border: 1px solid #d1d5db;
    border-radius: 8px;
    background: #ffffff;
    box-shadow: 0 1px 2px rgba(16, 24, 40, 0.06);
    overflow: hidden;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
  }
  .row + .row,
  .cell + .cell {
    border-top: 1px solid #e5e7eb;
  }
  .row .cell + .cell {
    border-top: 0;
    border-left: 1px solid #e5e7eb;
  }
  .cell {
    position: relative;
    flex: 1 1 0;
    min-width: 0;
    padding: 8px 12px 6px;
    transition: background-color 0.15s ease, box-shadow 0.15s ease;
  }
  .cell:focus-within {
    box-shadow: inset 0 0 0 2px #2563eb;
    border-radius: 7px;
    z-index: 1;
  }
  .cell.has-error {
    background: #fef3f2;
  }
  .label {
    display: block;
    font-size: 12px;
    line-height: 16px;
    font-weight: 500;
    color: #4b5563;
  }
  .input {
    display: block;
    box-sizing: border-box;
    width: 100%;
    margin: 0;
    padding: 2px 0;
    border: 0;
    background: transparent;
    font: inherit;
    font-size: 16px;
    line-height: 24px;
    color: #1a1f36;
    caret-color: #2563eb;
    outline: none;
    font-variant-numeric: tabular-nums;
  }
  .input::placeholder {
    color: #6b7280;
    opacity: 1;
  }
  .input.is-invalid {
    color: #b42318;
  }
  .input:disabled {
    color: #6b7280;
    cursor: not-allowed;
  }
  .number .input {
    padding-right: 44px;
  }
  .brand {
    position: absolute;
    right: 12px;
    bottom: 8px;
    width: 32px;
    height: 20px;
    line-height: 0;
  }
  .brand svg {
    width: 32px;
    height: 20px;
  }
  .errors {
    min-height: 0;
  }
  .error {
    margin: 6px 2px 0;
    font-size: 13px;
    line-height: 18px;
    color: #b42318;
  }
  .error:empty {
    display: none;
  }
  .saved {
    display: flex;
    align-items: center;
    gap: 10px;
    /* As tall as a field cell plus its divider, in px: the CVC form is then exactly as tall as
       the card form, the height the SDK reserves before ready (protocol FORM_HEIGHT_TWO_ROWS). */
    box-sizing: border-box;
    height: 59px;
    padding: 0 12px;
    border-bottom: 1px solid #e5e7eb;
    font-size: 15px;
  }
  .saved svg {
    width: 32px;
    height: 20px;
    flex: none;
  }
  .saved .digits {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.04em;
  }
  .saved .expires {
    margin-left: auto;
    color: #4b5563;
    font-size: 13px;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @container (max-width: 260px) {
    .input {
      font-size: 15px;
    }
    .number .input {
      padding-right: 38px;
    }
    .row {
      flex-direction: column;
    }
    .row .cell + .cell {
      border-left: 0;
      border-top: 1px solid #e5e7eb;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .cell {
      transition: none;
    }
  }
`;
