import type { Highlighted, Highlighter } from '../dom/highlighter';
import type { CardData } from '../messages';
import { matchesShortcut, type Settings } from '../settings';
import type { CardUi } from './card-ui';
import type { CardView } from './card-view';
import { report } from './report';
import { TRACE, traceMark } from '../trace';

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
  /** Loads the card UI (a separate script, fetched on first use). */
  loadUi: () => Promise<CardUi>;
}

/**
 * Shows the card for the mention under the pointer, on click or tap, or from
 * the keyboard. Owns one card view at a time; card data is cached per page.
 * The view's code loads when the reader first points at a mention.
 */
export class PopoverController {
  private view: CardView | null = null;
  private ui: Promise<CardUi | null> | null = null;
  private open: { entry: Highlighted; data: CardData } | null = null;
  /** A pinned card keeps its own view and data; nothing but its own buttons (and Esc inside it) touches it. */
  private pinnedCard: { view: CardView; open: { entry: Highlighted; data: CardData }; returnFocus: Element | null } | null = null;
  private hovered: Highlighted | null = null;
  private pointerInCard = false;
  private timers: number[] = [];
  private hideTimer = 0;
  private readonly cache = new Map<string, Promise<CardData | null>>();
  private keyboardIndex = -1;
  /**
   * The mention the keyboard just moved to, and where focus was then. Enter
   * opens its card only while both still hold: any other key, a click or a
   * focus change gives every key back to the page.
   */
  private armed: { entry: Highlighted; focus: Element | null } | null = null;
  private returnFocus: Element | null = null;

  constructor(private readonly deps: PopoverDeps) {
    const { doc, signal } = deps;
    doc.addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal });
    doc.addEventListener('click', (e) => this.onClick(e), { capture: true, signal });
    doc.addEventListener('focusin', () => this.disarmIfMoved(), { capture: true, signal });
    doc.addEventListener('pointerdown', () => (this.armed = null), { capture: true, signal });
    signal.addEventListener(
      'abort',
      () => {
        this.close();
        this.closePinned();
      },
      { once: true },
    );
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

  /** The card UI's code, loaded once; null (and one line in the console) if it cannot load. */
  private loadUi(): Promise<CardUi | null> {
    return (this.ui ??= this.deps.loadUi().catch((error: unknown) => {
      report(error);
      this.ui = null;
      return null;
    }));
  }

  /** Called as the pointer moves: the mention under it, or null. */
  pointerOver(entry: Highlighted | null): void {
    if (entry === this.hovered) return;
    this.hovered = entry;
    this.clearTimers();
    if (entry) {
      void this.loadUi();
      window.clearTimeout(this.hideTimer);
      // Another mention gets a card of its own; a pinned card stays as it is.
      if (this.open?.entry === entry || this.pinnedCard?.open.entry === entry) return;
      this.timers.push(window.setTimeout(() => void this.card(entry.mention.entity), TIMING.fetchMs));
      this.timers.push(window.setTimeout(() => this.hovered === entry && void this.show(entry, false), TIMING.showMs));
    } else {
      this.scheduleHide();
    }
  }

  private scheduleHide(): void {
    if (!this.open) return;
    window.clearTimeout(this.hideTimer);
    this.hideTimer = window.setTimeout(() => {
      if (!this.pointerInCard && !this.hovered) this.close();
    }, TIMING.hideMs);
  }

  private clearTimers(): void {
    for (const t of this.timers) window.clearTimeout(t);
    this.timers = [];
  }

  /** Opens the card for a mention (from hover, click or keyboard). */
  async show(entry: Highlighted, viaKeyboard: boolean): Promise<void> {
    const started = performance.now();
    if (this.pinnedCard?.open.entry === entry) return;
    const [data, ui] = await Promise.all([this.card(entry.mention.entity), this.loadUi()]);
    if (!data || !ui || this.deps.signal.aborted || this.pinnedCard?.open.entry === entry) return;
    if (viaKeyboard) this.returnFocus = this.deps.doc.activeElement;
    this.open = { entry, data };
    this.view ??= this.createView(ui);
    this.renderCard();
    if (viaKeyboard) this.view.focusFirst();
    // For benchmarks: time from show() to the frame that paints the card.
    if (TRACE)
      requestAnimationFrame(() => traceMark('backstory:card-paint', { ms: performance.now() - started, entity: entry.mention.entity }));
  }

  /** A card view whose buttons act on whichever card it is at the time: the open one or the pinned one. */
  private createView(ui: CardUi): CardView {
    const view: CardView = new ui.CardView(this.deps.doc, {
      onClose: () => (view === this.pinnedCard?.view ? this.closePinned() : this.close()),
      onPin: () => (view === this.pinnedCard?.view ? this.unpin() : this.pin()),
      onCopy: (text) => this.deps.copy(text),
      onOpenPassage: this.deps.openPassage,
      onSearchAll: this.deps.searchAll,
      onPointerInside: (inside) => {
        if (view !== this.view) return;
        this.pointerInCard = inside;
        if (inside) window.clearTimeout(this.hideTimer);
        else this.scheduleHide();
      },
    });
    return view;
  }

  private renderCard(): void {
    if (this.view && this.open) this.view.render(this.open.entry.range, this.open.data, false);
  }

  /** The open card becomes the pinned one (replacing an earlier pin); the next mention opens a card of its own. */
  private pin(): void {
    if (!this.view || !this.open) return;
    this.closePinned();
    this.pinnedCard = { view: this.view, open: this.open, returnFocus: this.returnFocus };
    this.pinnedCard.view.render(this.open.entry.range, this.open.data, true);
    this.clearTimers();
    window.clearTimeout(this.hideTimer);
    this.view = null;
    this.open = null;
    this.returnFocus = null;
    this.pointerInCard = false;
  }

  /** Unpinning makes the card an ordinary one again, or closes it when another card is open. */
  private unpin(): void {
    const pinned = this.pinnedCard;
    if (!pinned) return;
    if (this.view) {
      this.closePinned();
      return;
    }
    this.pinnedCard = null;
    this.view = pinned.view;
    this.open = pinned.open;
    this.returnFocus = pinned.returnFocus;
    // The pin button was just used, so the pointer (or focus) is in the card: it hides once the pointer leaves.
    this.pointerInCard = true;
    this.renderCard();
  }

  /** Closes the pinned card, giving focus back if it was inside. */
  private closePinned(): void {
    const pinned = this.pinnedCard;
    if (!pinned) return;
    this.pinnedCard = null;
    const hadFocus = this.deps.doc.activeElement === pinned.view.element;
    pinned.view.destroy();
    const back = pinned.returnFocus as HTMLElement | null;
    if (hadFocus && back && typeof back.focus === 'function' && back.isConnected) back.focus();
  }

  /** Closes the card and gives focus back to where it was. */
  close(): void {
    this.clearTimers();
    window.clearTimeout(this.hideTimer);
    this.view?.destroy();
    this.view = null;
    this.open = null;
    this.pointerInCard = false;
    this.armed = null;
    const back = this.returnFocus as HTMLElement | null;
    this.returnFocus = null;
    if (back && typeof back.focus === 'function' && back.isConnected) back.focus();
  }

  private onClick(event: MouseEvent): void {
    const path = event.composedPath();
    if ((this.view && path.includes(this.view.element)) || (this.pinnedCard && path.includes(this.pinnedCard.view.element))) return;
    // With marks hidden ("none") a click is the page's; so is a click on a link or control, which does what the page intends.
    const entry =
      this.deps.settings().style === 'none' || path.some(isInteractive)
        ? null
        : (this.deps.marks()?.mentionAt(event.clientX, event.clientY) ?? null);
    if (entry) {
      void this.show(entry, false);
      return;
    }
    if (this.open) this.close();
  }

  private onKey(event: KeyboardEvent): void {
    const { shortcuts } = this.deps.settings();
    const marks = this.deps.marks();
    const path = event.composedPath();
    const inPinned = !!this.pinnedCard && path.includes(this.pinnedCard.view.element);
    const inCard = inPinned || (!!this.view && path.includes(this.view.element));
    if (event.key === 'Escape' && (this.open || inPinned)) {
      // The key is ours only when focus is in a card; otherwise the page gets it too. A pinned card closes only from inside.
      if (inCard) event.stopPropagation();
      if (inPinned) this.closePinned();
      else this.close();
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
      this.armed = { entry, focus: this.deps.doc.activeElement };
      void this.loadUi();
      entry.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      return;
    }
    const armed = this.armed;
    if (inCard) return;
    // Any other key ends the keyboard's hold on the mention: from now on keys belong to the page.
    this.armed = null;
    if (event.key === 'Enter' && armed && !this.open && this.deps.doc.activeElement === armed.focus && !isEditable(armed.focus)) {
      event.preventDefault();
      void this.show(armed.entry, true);
    }
  }

  /** Focus moved somewhere else on the page: Enter is the page's again. */
  private disarmIfMoved(): void {
    if (this.armed && this.deps.doc.activeElement !== this.armed.focus) this.armed = null;
  }
}

function isEditable(el: Element | null): boolean {
  return !!el && (el.matches('input, textarea, select') || (el as HTMLElement).isContentEditable);
}

/** Links and controls: a click on them belongs to the page. */
function isInteractive(target: EventTarget): boolean {
  const el = target as Element;
  return (
    typeof el.matches === 'function' && el.matches('a[href], area[href], button, summary, label, select, [role="link"], [role="button"]')
  );
}
