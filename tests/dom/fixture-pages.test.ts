import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import matcherTables from 'virtual:backstory/matcher';
import { scanNode } from '../../lib/dom/scan';
import { collectText, toRange } from '../../lib/dom/text-walker';
import { BLOCK_SEPARATOR } from '../../lib/match/fold';
import { Matcher } from '../../lib/match/matcher';

const PAGES = resolve(import.meta.dirname, '../fixtures/pages');
const matcher = new Matcher(matcherTables);
const highlightable = new Set(matcherTables.entities.filter((e) => e.highlight).map((e) => e.id));

/** Reads the expected mentions a fixture page lists inline in a meta tag. */
function expected(doc: Document, name: string): string[][] {
  const content = doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';
  return content
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((pair) => pair.split('|'));
}

function load(file: string): Document {
  document.documentElement.innerHTML = readFileSync(resolve(PAGES, file), 'utf8').replace(/^<!doctype html>/i, '');
  return document;
}

describe('fixture pages list their expected mentions inline', () => {
  for (const file of readdirSync(PAGES).filter((f) => f.endsWith('.html'))) {
    it(`${file}: finds exactly the expected highlighted mentions`, () => {
      const doc = load(file);
      const scan = scanNode(doc.body, matcher);
      const got = scan.mentions.filter((m) => highlightable.has(m.entity)).map((m) => [m.entity, scan.map.text.slice(m.start, m.end)]);
      expect(got).toEqual(expected(doc, 'backstory-expect'));
      const countries = scan.mentions
        .filter((m) => !highlightable.has(m.entity))
        .map((m) => [m.entity, scan.map.text.slice(m.start, m.end)]);
      expect(countries).toEqual(expected(doc, 'backstory-expect-countries'));
    });
  }
});

describe('text walker', () => {
  it('skips scripts, styles, form fields, hidden, aria-hidden and editable content', () => {
    document.body.innerHTML = `<p>one</p><script>two</script><style>.three{}</style><textarea>four</textarea><input value="five">
      <select><option>six</option></select><div hidden>seven</div><div aria-hidden="true">eight</div><div contenteditable>nine</div>
      <div style="display:none">ten</div><noscript>eleven</noscript><template>twelve</template><pre>thirteen</pre><p>fourteen</p>`;
    expect(
      collectText(document.body)
        .text.split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ).toEqual(['one', 'fourteen']);
  });

  it('enters open shadow roots', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Nakhchivan inside a shadow root</p>';
    expect(scanNode(document.body, matcher).mentions.map((m) => m.entity)).toEqual(['nakhchivan']);
  });

  it('maps offsets to DOM ranges across inline element boundaries', () => {
    document.body.innerHTML = '<p>In Nagorno-<b>Karabakh</b> today</p>';
    const map = collectText(document.body);
    const m = matcher.match(map.text)[0]!;
    const range = toRange(map, m.start, m.end, document)!;
    expect(range.toString()).toBe('Nagorno-Karabakh');
    expect(range.startContainer.textContent).toBe('In Nagorno-');
    expect(range.endContainer.textContent).toBe('Karabakh');
  });

  it('never matches across block boundaries', () => {
    document.body.innerHTML = '<p>Nagorno</p><p>Karabakh</p><div>Alma</div><div>Ata</div>';
    const scan = scanNode(document.body, matcher);
    expect(scan.mentions.map((m) => scan.map.text.slice(m.start, m.end))).toEqual(['Karabakh']);
    expect(scan.map.text).toBe(`Nagorno${BLOCK_SEPARATOR}Karabakh${BLOCK_SEPARATOR}Alma${BLOCK_SEPARATOR}Ata${BLOCK_SEPARATOR}`);
  });
});
