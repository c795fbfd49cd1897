import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { h } from 'preact';
import { Card, CARD_CSS, type CardActions } from '../../components/Card';
import { liveTranslator, onLiveTranslator } from '../i18n/live';
import { I18n } from '../i18n/preact';
import type { CardData } from '../messages';
import { OverlayHost } from '../ui/overlay-host';

/** What the card asks of the popover controller: the card's actions, and pointer in or out. */
export interface CardViewHandlers extends CardActions {
  onPointerInside: (inside: boolean) => void;
}

/**
 * The card on screen: one overlay host (shadow root, top layer), the Preact
 * card in it, and Floating UI keeping it beside the mention. This module and
 * its dependencies load only when a card is first wanted, so pages where no
 * card opens never pay for them.
 */
export class CardView {
  private readonly host: OverlayHost;
  private stopPositioning: (() => void) | null = null;
  private anchor: Range | null = null;
  private shown: [Range, CardData, boolean] | null = null;
  // A language chosen in the options while the card is open applies to it at once.
  private readonly stopLanguage = onLiveTranslator(() => this.shown && this.render(...this.shown));

  constructor(
    private readonly doc: Document,
    private readonly handlers: CardViewHandlers,
  ) {
    this.host = new OverlayHost(doc, CARD_CSS, 'backstory-card');
    this.host.element.addEventListener('pointerenter', () => handlers.onPointerInside(true));
    this.host.element.addEventListener('pointerleave', () => handlers.onPointerInside(false));
    this.host.root.addEventListener('keydown', (e) => this.trapTab(e as KeyboardEvent));
  }

  /** The host element, to tell clicks inside the card from clicks on the page. */
  get element(): HTMLElement {
    return this.host.element;
  }

  /** Renders the card for a mention, and places it beside the mention's range. */
  render(range: Range, data: CardData, pinned: boolean): void {
    const dark = prefersDark(this.doc);
    const tr = liveTranslator();
    this.shown = [range, data, pinned];
    this.host.render(
      h(
        I18n.Provider,
        { value: tr },
        h(
          'div',
          { class: dark ? 'theme dark' : 'theme', lang: tr.locale },
          h(Card, { ...this.handlers, data, pageForm: range.toString(), pinned }),
        ),
      ),
    );
    this.host.root.querySelector('.card')?.classList.toggle('dark', dark);
    if (range !== this.anchor) this.position(range);
  }

  /** Moves focus into the card (keyboard opening). */
  focusFirst(): void {
    (this.host.root.querySelector('button') as HTMLElement | null)?.focus();
  }

  /** Removes the card and stops following the mention. */
  destroy(): void {
    this.stopPositioning?.();
    this.stopPositioning = null;
    this.stopLanguage();
    this.shown = null;
    this.host.destroy();
  }

  /**
   * Keeps the card next to the mention and inside the viewport: it flips to
   * the side with room, shifts along it, and shrinks to the space left (its
   * body then scrolls; the name and controls stay in view). Follows scrolling.
   */
  private position(range: Range): void {
    this.anchor = range;
    const floating = this.host.content;
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
        middleware: [
          offset(6),
          flip({ padding: VIEWPORT_MARGIN }),
          shift({ padding: VIEWPORT_MARGIN }),
          size({
            padding: VIEWPORT_MARGIN,
            apply: ({ availableWidth, availableHeight, elements }) => {
              elements.floating.style.setProperty('--backstory-max-width', `${Math.max(0, Math.floor(availableWidth))}px`);
              elements.floating.style.setProperty('--backstory-max-height', `${Math.max(0, Math.floor(availableHeight))}px`);
            },
          }),
        ],
      }).then(({ x, y }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
      });
    });
  }

  /** Tab and Shift+Tab cycle inside the open card. */
  private trapTab(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const focusable = [...this.host.root.querySelectorAll<HTMLElement>('button, a[href]')];
    if (focusable.length === 0) return;
    const index = focusable.indexOf(this.host.root.activeElement as HTMLElement);
    const next = event.shiftKey ? (index <= 0 ? focusable.length - 1 : index - 1) : index === focusable.length - 1 ? 0 : index + 1;
    event.preventDefault();
    focusable[next]!.focus();
  }
}

/** Space kept free between the card and the viewport's edges, in px. */
const VIEWPORT_MARGIN = 8;

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
