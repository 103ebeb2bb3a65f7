// The fault menu of a worker, process, app or Master (store.menu): a role="menu" popup at the
// pointer, with the items that make sense for the target now. Arrow keys move, Enter activates,
// Escape closes and gives focus back, a click elsewhere closes. Choosing an item applies it and
// reports the outcome as a notice.
import { type KeyboardEvent as ReactKeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useController, usePlayground, usePlaygroundStore } from '../PlaygroundProvider';
import type { MenuState } from '../store';
import { applyWithNotice } from './apply-action';
import { type MenuItem, menuFor, type MenuModel } from './menu-items';
import './menus.css';

/** What has a Why section in the Inspector: apps and drivers (their reason), and anything with a state history. */
function hasWhy(kind: MenuState['target']['kind']): boolean {
  return kind === 'application' || kind === 'driver' || kind === 'executor' || kind === 'worker';
}

/** Keeps the menu this far from the viewport's edges. */
const MARGIN = 8;

export function ContextMenu() {
  const menu = usePlayground((s) => s.menu);
  if (!menu) return null;
  // A new key per opening: each opening starts fresh (position, focus, items).
  return <OpenMenu key={`${menu.target.kind}:${menu.target.id}@${menu.x},${menu.y}`} menu={menu} />;
}

function OpenMenu({ menu }: { menu: MenuState }) {
  const controller = useController();
  const store = usePlaygroundStore();
  const close = usePlayground((s) => s.openMenu);
  // The items as of the moment it opened: they must not change under the user's pointer when the
  // cluster moves on (the engine checks the action again when it is applied).
  const [model] = useState<MenuModel>(() => {
    const s = store.getState();
    return menuFor(menu.target, { nodes: s.nodes, partitions: s.partitions, masterPage: s.masterPage });
  });
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: menu.x, top: menu.y });
  // Where focus was when it opened (the canvas node or the button), to give it back on Escape.
  const [returnFocus] = useState<HTMLElement | null>(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );

  const items = (): HTMLElement[] => [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Open to the left / upwards when there is no room to the right / below.
    const { width, height } = el.getBoundingClientRect();
    const left = Math.max(MARGIN, Math.min(menu.x, window.innerWidth - width - MARGIN));
    const top = Math.max(MARGIN, Math.min(menu.y, window.innerHeight - height - MARGIN));
    setPos({ left, top });
    items()[0]?.focus();
  }, [menu.x, menu.y]);

  const dismiss = (restoreFocus: boolean) => {
    close(null);
    if (restoreFocus && returnFocus?.isConnected) returnFocus.focus();
  };

  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      if (ref.current && e.target instanceof Node && !ref.current.contains(e.target)) close(null);
    };
    const onResize = () => close(null);
    // Capture phase: the click that closes the menu may also be meant for what is under it.
    document.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('resize', onResize);
    window.addEventListener('blur', onResize);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('resize', onResize);
      window.removeEventListener('blur', onResize);
    };
    // Registered once per opening: close is the store's setter, the same every render.
  }, [close]);

  const activate = (item: MenuItem) => {
    dismiss(true);
    void applyWithNotice(controller, store, item);
  };

  // "Why?": the thing's explanation in the Inspector (its Why section takes the focus).
  const why = hasWhy(menu.target.kind);
  const explain = () => {
    dismiss(false);
    controller.select(menu.target);
    store.getState().requestWhy();
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const i = list.indexOf(document.activeElement as HTMLElement);
    let next: number | null = null;
    switch (e.key) {
      case 'ArrowDown':
        next = (i + 1) % list.length;
        break;
      case 'ArrowUp':
        next = (i - 1 + list.length) % list.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = list.length - 1;
        break;
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        dismiss(true);
        return;
      case 'Tab':
        // Tab leaves a menu (APG): close it, and let Tab move on from where the menu was opened
        // (the focused item is about to disappear, which would drop focus to the page's start).
        dismiss(true);
        return;
      case 'Enter':
      case ' ': {
        e.preventDefault();
        // The Why? entry, when there is one, comes before the model's items.
        if (why && i === 0) {
          explain();
          return;
        }
        const item = model.items[why ? i - 1 : i];
        if (item) activate(item);
        return;
      }
      default: {
        // Type-ahead: the first item starting with the letter.
        if (e.key.length === 1 && /\S/.test(e.key)) {
          const k = e.key.toLowerCase();
          const from = list.findIndex((el, j) => j > i && el.textContent?.trim().toLowerCase().startsWith(k));
          const any = from >= 0 ? from : list.findIndex((el) => el.textContent?.trim().toLowerCase().startsWith(k));
          if (any >= 0) next = any;
        }
      }
    }
    if (next !== null) {
      e.preventDefault();
      list[next]?.focus();
    }
  };

  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={`Actions for ${model.title}`}
      data-testid="context-menu"
      style={{ left: pos.left, top: pos.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      <div className="context-menu-title" aria-hidden="true">
        {model.title}
      </div>
      {why && (
        <div role="menuitem" tabIndex={-1} className="context-menu-item" data-testid="menu-why" onClick={explain}>
          Why?
        </div>
      )}
      {model.items.length === 0 ? (
        <div role="menuitem" aria-disabled="true" tabIndex={-1} className="context-menu-item disabled">
          {model.empty}
        </div>
      ) : (
        model.items.map((item) => (
          <div
            key={item.action.type}
            role="menuitem"
            tabIndex={-1}
            className={`context-menu-item${item.action.type.startsWith('kill') || item.action.type === 'power-off' || item.action.type === 'crash-driver' ? ' destructive' : ''}`}
            data-testid={`menu-${item.action.type}`}
            onClick={() => activate(item)}
          >
            {item.label}
          </div>
        ))
      )}
    </div>
  );
}
