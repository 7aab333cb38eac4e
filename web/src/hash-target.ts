// After a navigation to a path with a #fragment ("/parties/pty_1#sec-agreements"), scrolls to
// that element once the screen has drawn it: screens load their data after the path changes,
// and a page moves the focus to its heading on arrival, so the scroll waits for both.
export function scrollToHash(hash: string, timeoutMs = 5000): () => void {
  const id = decodeURIComponent(hash.replace(/^#/, ''));
  if (!id) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const found = () => {
    const el = document.getElementById(id);
    if (!el) return false;
    // After the heading's focus (the screen's effect) has had its turn.
    timer = setTimeout(() => el.scrollIntoView({ block: 'start' }), 120);
    return true;
  };
  if (found()) return () => clearTimeout(timer);
  const observer = new MutationObserver(() => {
    if (found()) observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  const stop = setTimeout(() => observer.disconnect(), timeoutMs);
  return () => {
    observer.disconnect();
    clearTimeout(stop);
    clearTimeout(timer);
  };
}
