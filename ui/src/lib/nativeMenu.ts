// The webview's own right-click menu (Back, Forward, Reload) means nothing in a desktop app:
// it is kept only where it helps, in text being typed or selected (cut, copy, paste). Rows that
// have menus of their own open them on a right-click before this runs.

/** Whether a right-click on `target` should show the webview's menu. */
export function wantsNativeMenu(target: EventTarget | null): boolean {
  const element = target as Partial<HTMLElement> | null;
  if (!element?.closest) return false;
  return element.closest("input, textarea, [contenteditable=''], [contenteditable='true']") !== null;
}

export function suppressNativeMenu(e: MouseEvent) {
  if (!wantsNativeMenu(e.target)) e.preventDefault();
}
