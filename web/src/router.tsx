// A small history router for the portal's paths under /app/.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export const BASE = '/app';

export interface Location {
  path: string; // without BASE: "/parties/prt_1"
  query: URLSearchParams;
}

function current(): Location {
  let path = window.location.pathname;
  if (path.startsWith(BASE)) path = path.slice(BASE.length);
  if (!path.startsWith('/')) path = '/' + path;
  return { path, query: new URLSearchParams(window.location.search) };
}

const NAVIGATED = 'accord:navigated';

export function navigate(to: string, replace = false) {
  const url = to.startsWith(BASE) ? to : BASE + to;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATED));
}

export function useLocation(): Location {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const update = () => setLoc(current());
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return loc;
}

// Matches "/parties/:id" against a path; the params or null.
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) out[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return out;
}

// An <a> that navigates without a reload (and still opens in a new tab on ctrl/middle click).
export function Link(props: { href: string; children: ComponentChildren } & JSX.HTMLAttributes<HTMLAnchorElement>) {
  const { href, children, onClick, ...rest } = props;
  const full = href.startsWith(BASE) ? href : BASE + href;
  return (
    <a
      {...rest}
      href={full}
      onClick={(e: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
        // The caller's handler runs too (a menu closing when its link is chosen).
        if (typeof onClick === 'function') onClick(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(full);
      }}
    >
      {children}
    </a>
  );
}

// Replaces the query string of the current page (filters kept in the URL, shareable).
export function setQuery(params: Record<string, string | undefined>) {
  const loc = current();
  const q = new URLSearchParams(loc.query);
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') q.delete(k);
    else q.set(k, v);
  }
  const s = q.toString();
  navigate(loc.path + (s ? '?' + s : ''), true);
}
