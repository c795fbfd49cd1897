import { Window } from 'happy-dom';

/**
 * Parses HTML into a happy-dom document for Node (the CLI and tests): no scripts run, no styles, frames or
 * pages load, nothing navigates. Call close() when done.
 */
export function parseHtml(html: string, url = 'about:blank'): { doc: Document; close: () => void } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  window.document.write(html);
  return { doc: window.document as unknown as Document, close: () => void window.happyDOM.close() };
}
