/** Shows a short human message in the frame instead of the form (text only: Trusted-Types safe). */
export function renderMessage(root: Element, text: string): void {
  const message = root.ownerDocument.createElement('p');
  message.className = 'cardframe-message';
  message.setAttribute('role', 'alert');
  message.textContent = text;
  root.replaceChildren(message);
}
