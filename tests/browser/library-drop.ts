import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestPage } from './driver';
import { ROOT } from './harness';

/** Three files as a user drags them from a folder: a plain text, a Markdown file and a saved web page. */
export const FILES = [
  { name: 'panorama-2023-11-16.txt', type: 'text/plain', path: 'tests/fixtures/library/valid/panorama-2023-11-16.txt' },
  { name: 'armradio-2022-10-26.md', type: 'text/markdown', path: 'tests/fixtures/library/valid/armradio-2022-10-26.md' },
  { name: 'bbc-1.html', type: 'text/html', path: '../shared/pages/bbc-1.html' },
].map((f) => ({ ...f, text: readFileSync(resolve(ROOT, f.path), 'utf8') }));

/**
 * Drops files on the Library page's drop zone as the browser does for a drag from the desktop: a DataTransfer holding
 * File objects, carried by dragenter, dragover and drop events.
 */
export function dropFiles(page: TestPage, files: Array<{ name: string; type: string; text: string }>) {
  return page.evaluate((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.text], f.name, { type: f.type }));
    const zone = document.querySelector('[data-testid=drop]')!;
    const accepted: Record<string, boolean> = {};
    for (const type of ['dragenter', 'dragover', 'drop']) {
      const event = new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true });
      zone.dispatchEvent(event);
      accepted[type] = event.defaultPrevented;
    }
    return { accepted, files: data.files.length };
  }, files);
}
