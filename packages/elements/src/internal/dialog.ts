/** The element that has focus, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Opens a native `<dialog>` as a modal (`showModal()` makes the rest of the page inert, so focus
 * stays inside) and, when it closes, gives focus back to what had it — or to `fallback` when that
 * is gone (the Revoke button, say, once the request is revoking).
 */
export function openModal(dialog: HTMLDialogElement, fallback?: () => HTMLElement | null | undefined): void {
  const active = deepActiveElement() as HTMLElement | null;
  const opener = active === document.body ? null : active;
  dialog.addEventListener(
    'close',
    () => {
      const target = opener?.isConnected && !(opener as HTMLButtonElement).disabled ? opener : fallback?.();
      target?.focus();
    },
    { once: true },
  );
  if (!dialog.open) dialog.showModal();
}
