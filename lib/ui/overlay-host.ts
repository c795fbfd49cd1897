import { render, type ComponentChild } from 'preact';
import { OWN_UI_ATTRIBUTE } from '../dom/text-walker';

/**
 * One host element per overlay: it owns a shadow root (page CSS cannot reach
 * in, ours cannot leak out), sits in the top layer where the Popover API
 * exists (else at the highest z-index), and is removed whole by destroy().
 */
export class OverlayHost {
  readonly element: HTMLElement;
  readonly root: ShadowRoot;
  private readonly mount: HTMLElement;

  constructor(doc: Document, css: string, tag = 'backstory-overlay') {
    this.element = doc.createElement(tag);
    this.element.setAttribute(OWN_UI_ATTRIBUTE, '');
    // Inline and !important: page rules such as `* { all: unset }` or `div { display: none !important }` cannot move or hide the host.
    this.element.setAttribute(
      'style',
      'all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important; background: transparent !important; overflow: visible !important; z-index: 2147483647 !important; display: block !important; width: 0 !important; height: 0 !important; zoom: 1 !important;',
    );
    this.root = this.element.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = css;
    this.mount = doc.createElement('div');
    this.mount.className = 'mount';
    this.root.append(style, this.mount);
    doc.documentElement.appendChild(this.element);
    const withPopover = this.element as HTMLElement & { showPopover?: () => void };
    if (typeof withPopover.showPopover === 'function') {
      this.element.setAttribute('popover', 'manual');
      try {
        withPopover.showPopover();
      } catch {
        // Already shown, or not allowed here: the z-index fallback still applies.
      }
    }
  }

  /** Renders (or re-renders) Preact content into the shadow root. */
  render(content: ComponentChild): void {
    render(content, this.mount);
  }

  /** The element that holds the rendered content, for positioning. */
  get content(): HTMLElement {
    return this.mount;
  }

  /** Unmounts the content and removes the host from the page. */
  destroy(): void {
    render(null, this.mount);
    this.element.remove();
  }
}
