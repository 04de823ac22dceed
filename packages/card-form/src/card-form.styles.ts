import { css } from 'lit';

/**
 * Default theme: one bordered group (number on its own row, expiry and CVC side by side),
 * light, AA contrast (text #1a1f36, labels #4b5563, errors #b42318 on white). Applied as a
 * constructable stylesheet: the frame's CSP has no 'unsafe-inline', so no <style> elements.
 * Logical properties (inline-start/end) so right-to-left locales mirror the layout; the
 * digit inputs carry dir="ltr" and are aligned to the start of the line.
 * --cf-focus and --cf-radius carry the merchant's focus colour and corner radius.
 */
export const cardFormStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    /* system-ui is every supported engine's own UI font (Safari 11, Firefox 92, Chrome 56: all older than the
       constructable stylesheets the frame requires). The old fallbacks named no font those engines lack, and each
       name the engine cannot match costs a font lookup on the first layout: 15 ms in WebKitGTK (ADR 0042). */
    font-family: system-ui, sans-serif;
    color: #1a1f36;
    -webkit-font-smoothing: antialiased;
  }
  .form {
    margin: 0;
  }
  .form[dir='rtl'] .input[dir='ltr'] {
    text-align: right;
  }
  .group {
    border: 1px solid #d1d5db;
    border-radius: var(--cf-radius, 8px);
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
    border-inline-start: 1px solid #e5e7eb;
  }
  .control {
    position: relative;
  }
  .cell {
    position: relative;
    flex: 1 1 0;
    min-width: 0;
    padding: 8px 12px 6px;
    transition: background-color 0.15s ease, box-shadow 0.15s ease;
  }
  .cell:focus-within {
    box-shadow: inset 0 0 0 2px var(--cf-focus, #2563eb);
    border-radius: max(0px, calc(var(--cf-radius, 8px) - 1px));
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
    caret-color: var(--cf-focus, #2563eb);
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
    padding-inline-end: 44px;
  }
  .form[dir='rtl'] .number .input {
    padding: 2px 44px 2px 0;
  }
  .brand {
    position: absolute;
    inset-inline-end: 12px;
    top: 4px;
    width: 32px;
    height: 20px;
    line-height: 0;
  }
  .brand svg {
    width: 32px;
    height: 20px;
  }
  .error {
    display: flex;
    gap: 4px;
    align-items: baseline;
    margin: 2px 0 2px;
    font-size: 13px;
    line-height: 18px;
    color: #b42318;
  }
  .error[hidden] {
    display: none;
  }
  /* A warning sign before the text: a cue that is not colour (forced colours, colour blindness); silent to screen readers. */
  .error::before {
    content: '⚠' / '';
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
    margin-inline-start: auto;
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
      padding-inline-end: 38px;
    }
    .form[dir='rtl'] .number .input {
      padding: 2px 38px 2px 0;
    }
    .row {
      flex-direction: column;
    }
    .row .cell + .cell {
      border-inline-start: 0;
      border-top: 1px solid #e5e7eb;
    }
  }
  /*
   * Windows High Contrast and other forced-colour modes drop box-shadows and backgrounds:
   * the focused field gets a real outline in the system highlight colour, and an invalid
   * field a dashed one, so neither state depends on colour or a shadow.
   */
  @media (forced-colors: active) {
    .cell:focus-within {
      outline: 2px solid Highlight;
      outline-offset: -3px;
    }
    .cell.has-error:not(:focus-within) {
      outline: 2px dashed CanvasText;
      outline-offset: -3px;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .cell {
      transition: none;
    }
  }
`;
