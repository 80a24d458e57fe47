/**
 * Copy `text` to the clipboard. The Clipboard API needs a secure context (https or localhost) and may be
 * refused; then select the text in `fallback` (so Ctrl+C works) and try the older execCommand.
 */
export async function copyText(text: string, fallback: () => HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const input = fallback();
    if (!input) return false;
    input.focus();
    input.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}
