// The top navigation: the links in nav-groups.ts, a menu as a disclosure button (aria-expanded)
// with its links right after it, so Tab reaches them. One menu open at a time; Escape, a click
// elsewhere, focus leaving the navigation or choosing a link closes it. On a phone the whole
// navigation folds behind the Menu button (Layout's `menuOpen`) and the menus open in place.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Link } from '../router';
import { groupActive, isGroup, linkActive, navFor, type NavLink } from '../nav-groups';
import { countBadge } from '../pages/my-work-model';
import type { Role } from '../roles';

const menuId = (label: string) => 'nav-' + label.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export function MainNav(props: {
  role: Role;
  path: string;
  workCount: number | null;
  // The phone's Menu button has opened the navigation.
  menuOpen: boolean;
  // A link was chosen, or Escape pressed with no menu open: the phone's menu folds.
  onClose: () => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const navRef = useRef<HTMLElement>(null);
  const items = navFor(props.role);

  // Arriving somewhere (a link, the back button) closes any open menu.
  useEffect(() => setOpen(null), [props.path]);

  // A click or tap outside the navigation closes the open menu.
  useEffect(() => {
    if (open === null) return;
    const outside = (e: PointerEvent) => {
      if (!navRef.current?.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Escape') return;
    if (open !== null) {
      const button = document.getElementById(menuId(open) + '-button');
      setOpen(null);
      button?.focus();
      e.stopPropagation();
    } else if (props.menuOpen) {
      props.onClose();
      document.querySelector<HTMLElement>('.menu-toggle')?.focus();
    }
  }

  function onFocusOut(e: FocusEvent) {
    const next = e.relatedTarget as Node | null;
    if (next && !navRef.current?.contains(next)) setOpen(null);
  }

  const chosen = () => {
    setOpen(null);
    props.onClose();
  };

  const link = (l: NavLink) => (
    <li>
      <Link href={l.href} aria-current={linkActive(l, props.path) ? 'page' : undefined} onClick={chosen}>
        {l.label}
        {l.label === 'My work' && props.workCount !== null && props.workCount > 0 && (
          <span class="nav-count">
            <span class="visually-hidden">: </span>
            {countBadge(props.workCount)}
            <span class="visually-hidden"> waiting</span>
          </span>
        )}
      </Link>
    </li>
  );

  return (
    <nav
      id="main-nav"
      aria-label="Main"
      class={props.menuOpen ? 'open' : ''}
      ref={navRef}
      onKeyDown={onKeyDown}
      onFocusOut={onFocusOut}
    >
      <ul class="nav-top">
        {items.map((item) => {
          if (!isGroup(item)) return link(item);
          const id = menuId(item.label);
          const expanded = open === item.label;
          return (
            <li class="nav-group">
              <button
                type="button"
                id={id + '-button'}
                class="nav-group-button"
                aria-expanded={expanded}
                aria-controls={id}
                aria-current={groupActive(item, props.path) ? 'true' : undefined}
                onClick={() => setOpen(expanded ? null : item.label)}
              >
                {item.label}
              </button>
              <ul id={id} class="nav-menu" hidden={!expanded}>
                {item.links.map(link)}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
