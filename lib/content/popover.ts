import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { h } from 'preact';
import { Card, CARD_CSS } from '../../components/Card';
import type { Highlighted, Highlighter } from '../dom/highlighter';
import type { CardData } from '../messages';
import { matchesShortcut, type Settings } from '../settings';
import { OverlayHost } from '../ui/overlay-host';

/** Hover intent, as in Wikipedia's page previews: fetch early, show a little later, hide with a grace period. */
export const TIMING = { fetchMs: 150, showMs: 400, hideMs: 300 };

/** What the popover needs from the rest of the extension. */
export interface PopoverDeps {
  doc: Document;
  marks: () => Highlighter | null;
  getCard: (entityId: string) => Promise<CardData | null>;
  openPassage: (passageId: string) => void;
  searchAll: (entityId: string) => void;
  copy: (text: string) => Promise<void>;
  settings: () => Settings;
  signal: AbortSignal;
}

/**
 * Shows the card for the mention under the pointer, on click or tap, or from
 * the keyboard. Owns one overlay host at a time; card data is cached per page.
 */
export class PopoverController {
  private host: OverlayHost | null = null;
  private stopPositioning: (() => void) | null = null;
  private open: { entry: Highlighted; data: CardData } | null = null;
  private pinned = false;
  private hovered: Highlighted | null = null;
  private pointerInCard = false;
  private timers: number[] = [];
  private hideTimer = 0;
  private readonly cache = new Map<string, Promise<CardData | null>>();
  private keyboardIndex = -1;
  private returnFocus: Element | null = null;

  constructor(private readonly deps: PopoverDeps) {
    const { doc, signal } = deps;
    doc.addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal });
    doc.addEventListener('click', (e) => this.onClick(e), { capture: true, signal });
    signal.addEventListener('abort', () => this.close(), { once: true });
  }

  /** The entity whose card is open, if any. */
  get openEntity(): string | null {
    return this.open?.entry.mention.entity ?? null;
  }

  /** Card data for an entity, fetched once per page. */
  private card(entityId: string): Promise<CardData | null> {
    let pending = this.cache.get(entityId);
    if (!pending) {
      pending = this.deps.getCard(entityId).catch(() => null);
      this.cache.set(entityId, pending);
    }
    return pending;
  }

  /** Called as the pointer moves: the mention under it, or null. */
  pointerOver(entry: Highlighted | null): void {
    if (entry === this.hovered) return;
    this.hovered = entry;
    this.clearTimers();
    if (entry) {
      window.clearTimeout(this.hideTimer);
      if (this.open?.entry === entry) return;
      this.timers.push(window.setTimeout(() => void this.card(entry.mention.entity), TIMING.fetchMs));
      this.timers.push(window.setTimeout(() => this.hovered === entry && void this.show(entry, false), TIMING.showMs));
    } else {
      this.scheduleHide();
    }
  }

  private scheduleHide(): void {
    if (!this.open || this.pinned) return;
    window.clearTimeout(this.hideTimer);
    this.hideTimer = window.setTimeout(() => {
      if (!this.pointerInCard && !this.pinned && !this.hovered) this.close();
    }, TIMING.hideMs);
  }

  private clearTimers(): void {
    for (const t of this.timers) window.clearTimeout(t);
    this.timers = [];
  }

  /** Opens the card for a mention (from hover, click or keyboard). */
  async show(entry: Highlighted, viaKeyboard: boolean): Promise<void> {
    const started = performance.now();
    const data = await this.card(entry.mention.entity);
    if (!data || this.deps.signal.aborted) return;
    if (viaKeyboard) this.returnFocus = this.deps.doc.activeElement;
    this.open = { entry, data };
    if (!this.host) {
      this.host = new OverlayHost(this.deps.doc, CARD_CSS, 'backstory-card');
      this.host.element.addEventListener('pointerenter', () => ((this.pointerInCard = true), window.clearTimeout(this.hideTimer)));
      this.host.element.addEventListener('pointerleave', () => ((this.pointerInCard = false), this.scheduleHide()));
      this.host.root.addEventListener('keydown', (e) => this.trapTab(e as KeyboardEvent));
    }
    this.renderCard();
    this.position(entry.range);
    if (viaKeyboard) (this.host.root.querySelector('button') as HTMLElement | null)?.focus();
    // For benchmarks: time from show() to the frame that paints the card.
    requestAnimationFrame(() => {
      try {
        performance.mark('backstory:card-paint', { detail: { ms: performance.now() - started, entity: entry.mention.entity } });
      } catch {
        // Marks with details are a nicety.
      }
    });
  }

  private renderCard(): void {
    if (!this.host || !this.open) return;
    const { entry, data } = this.open;
    const dark = prefersDark(this.deps.doc);
    this.host.render(
      h(
        'div',
        { class: dark ? 'theme dark' : 'theme' },
        h(Card, {
          data,
          pageForm: entry.range.toString(),
          pinned: this.pinned,
          onClose: () => this.close(),
          onPin: () => {
            this.pinned = !this.pinned;
            this.renderCard();
          },
          onCopy: (text: string) => void this.deps.copy(text),
          onOpenPassage: this.deps.openPassage,
          onSearchAll: this.deps.searchAll,
        }),
      ),
    );
    this.host.root.querySelector('.card')?.classList.toggle('dark', dark);
  }

  /** Keeps the card next to the mention: flips and shifts to stay in the viewport, follows scrolling. */
  private position(range: Range): void {
    const floating = this.host!.content;
    floating.style.cssText = 'position: fixed; left: 0; top: 0;';
    const reference = {
      getBoundingClientRect: () => range.getClientRects()[0] ?? range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: range.startContainer.parentElement ?? undefined,
    };
    this.stopPositioning?.();
    this.stopPositioning = autoUpdate(reference, floating, () => {
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
      });
    });
  }

  /** Closes the card and gives focus back to where it was. */
  close(): void {
    this.clearTimers();
    window.clearTimeout(this.hideTimer);
    this.stopPositioning?.();
    this.stopPositioning = null;
    this.host?.destroy();
    this.host = null;
    this.open = null;
    this.pinned = false;
    this.pointerInCard = false;
    const back = this.returnFocus as HTMLElement | null;
    this.returnFocus = null;
    if (back && typeof back.focus === 'function' && back.isConnected) back.focus();
  }

  private onClick(event: MouseEvent): void {
    const path = event.composedPath();
    if (this.host && path.includes(this.host.element)) return;
    const entry = this.deps.marks()?.mentionAt(event.clientX, event.clientY) ?? null;
    if (entry) {
      void this.show(entry, false);
      return;
    }
    if (this.open && !this.pinned) this.close();
  }

  private onKey(event: KeyboardEvent): void {
    const { shortcuts } = this.deps.settings();
    const marks = this.deps.marks();
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      this.close();
      return;
    }
    if (!marks || marks.count === 0) return;
    const step = matchesShortcut(event, shortcuts.next) ? 1 : matchesShortcut(event, shortcuts.prev) ? -1 : 0;
    if (step) {
      event.preventDefault();
      event.stopPropagation();
      const ordered = marks.inReadingOrder();
      this.keyboardIndex = (this.keyboardIndex + step + ordered.length) % ordered.length;
      const entry = ordered[this.keyboardIndex]!;
      marks.setHovered(entry);
      this.hovered = entry;
      entry.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      return;
    }
    if (event.key === 'Enter' && this.keyboardIndex >= 0 && !this.open && !isEditable(this.deps.doc.activeElement)) {
      const entry = marks.inReadingOrder()[this.keyboardIndex];
      if (entry) {
        event.preventDefault();
        void this.show(entry, true);
      }
    }
  }

  /** Tab and Shift+Tab cycle inside the open card. */
  private trapTab(event: KeyboardEvent): void {
    if (event.key !== 'Tab' || !this.host) return;
    const focusable = [...this.host.root.querySelectorAll<HTMLElement>('button, a[href]')];
    if (focusable.length === 0) return;
    const current = this.host.root.activeElement;
    const index = focusable.indexOf(current as HTMLElement);
    const next = event.shiftKey ? (index <= 0 ? focusable.length - 1 : index - 1) : index === focusable.length - 1 ? 0 : index + 1;
    event.preventDefault();
    focusable[next]!.focus();
  }
}

function isEditable(el: Element | null): boolean {
  return !!el && (el.matches('input, textarea, select') || (el as HTMLElement).isContentEditable);
}

/** Dark when the page declares only dark, light when it declares only light, else the OS preference. */
export function prefersDark(doc: Document): boolean {
  const view = doc.defaultView;
  const declared = view ? view.getComputedStyle(doc.documentElement).colorScheme || '' : '';
  const meta = doc.querySelector('meta[name="color-scheme"]')?.getAttribute('content') ?? '';
  const scheme = `${declared} ${meta}`;
  const dark = /\bdark\b/.test(scheme);
  const light = /\blight\b/.test(scheme);
  if (dark && !light) return true;
  if (light && !dark) return false;
  return !!view?.matchMedia?.('(prefers-color-scheme: dark)').matches;
}
