/** Logs a content-script failure once, without letting it reach the page. */
export function report(error: unknown): void {
  console.warn('Backstory:', error);
}
