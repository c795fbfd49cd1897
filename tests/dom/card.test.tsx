import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Card, CARD_CSS } from '../../components/Card';
import { buildCard } from '../../lib/kb/card';
import { statementCitation, textFragmentUrl } from '../../lib/kb/citation';
import { seedBuild } from '../unit/seed-data';

function mount(entityId: string, pageForm?: string) {
  const data = buildCard(seedBuild().kb, entityId)!;
  const calls: string[] = [];
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  act(() =>
    render(
      <Card
        data={data}
        pageForm={pageForm}
        pinned={false}
        onClose={() => calls.push('close')}
        onPin={() => calls.push('pin')}
        onCopy={(t) => {
          calls.push(`copy:${t}`);
        }}
        onOpenPassage={(p) => calls.push(`open:${p}`)}
        onSearchAll={(e) => calls.push(`search:${e}`)}
      />,
      root,
    ),
  );
  return { root, calls, data };
}

describe('Card with real seed data', () => {
  it("shows Jeyhun Bayramov's statement about the most serious obstacle, from OC Media, with its date", () => {
    const { root } = mount('jeyhun-bayramov');
    const quote = [...root.querySelectorAll('.statement.direct')].find((li) => li.textContent!.includes('the most serious obstacle'))!;
    expect(quote).toBeTruthy();
    expect(quote.querySelector('blockquote')).not.toBeNull();
    expect(quote.textContent).toContain('OC Media');
    expect(quote.querySelector('time')!.getAttribute('datetime')).toBe('2024-10-22');
    // The text gives no date for it: the card says the date is the publication date.
    expect(quote.textContent).toContain('published 22 Oct 2024');
    // The description cites 000-p11 (22 October 2024) and 004-p11 (12 December 2022): the role is as of the newer.
    // Its two citations follow it, numbered first because it is the first cited line of the card.
    expect(root.querySelector('.kind')!.textContent).toBe('Person · Foreign Minister of Azerbaijan (as of 22 October 2024) [1][2]');
  });

  it('shows identity, the form used on the page, background with numbered citations and counts', () => {
    const { root, data } = mount('nakhchivan', 'Nakhichevan');
    expect(root.querySelector('h2')!.textContent).toBe('Nakhchivan');
    expect(root.querySelector('.kind')!.textContent).toMatch(/^Place · Azerbaijani exclave/);
    expect(root.querySelector('.aka strong')!.textContent).toBe('Nakhichevan');
    expect(root.querySelectorAll('.background li')).toHaveLength(data.entity.background.length);
    expect(root.querySelector('.background .refs')!.textContent).toBe('[1]');
    expect(root.querySelector('.naming')!.textContent).toMatch(/Nakhichevan/);
    expect(root.querySelectorAll('.sources li').length).toBeGreaterThanOrEqual(2);
    expect(root.querySelector('footer')!.textContent).toMatch(/Mentioned in \d of 5 documents/);
  });

  it('keeps direct quotes and reported speech visually distinct', () => {
    const { root } = mount('leyla-abdullayeva');
    expect(root.querySelectorAll('.statement.direct blockquote').length).toBe(1);
    expect(root.querySelectorAll('.statement.reported p.reported').length).toBe(1);
  });

  it('lists statements newest first', () => {
    const { root } = mount('jeyhun-bayramov');
    const dates = [...root.querySelectorAll('.statement time')].map((t) => t.getAttribute('datetime')!);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('asks its host to copy, open the passage, search, pin and close', () => {
    const { root, calls } = mount('jeyhun-bayramov');
    const click = (el: Element | null | undefined) => act(() => (el as HTMLElement).click());
    click([...root.querySelectorAll('button.copy')].find((b) => b.textContent === 'Copy citation'));
    click([...root.querySelectorAll('button.copy')].find((b) => b.textContent === 'Markdown'));
    click(root.querySelector('.sources button.link'));
    click(root.querySelector('footer button'));
    click(root.querySelector('button.pin'));
    click(root.querySelector('button.close'));
    expect(calls[0]).toMatch(
      /^copy:“the most serious obstacle .*,” Jeyhun Bayramov, Azerbaijani Foreign Minister, OC Media, published 22 Oct 2024, https:\/\/oc-media\.org\//,
    );
    expect(calls[1]).toMatch(/^copy:> “the most serious obstacle/);
    expect(calls[1]).toContain('[OC Media](https://oc-media.org/');
    // The first source entry is the description's first citation, 000-p11.
    expect(calls.slice(2)).toEqual(['open:000-p11', 'search:jeyhun-bayramov', 'pin', 'close']);
  });
});

describe('the card reads in order and can be quoted from', () => {
  const numbers = (el: Element) => [...el.querySelectorAll('.refs a')].map((a) => Number(a.textContent!.replace(/\D/g, '')));

  it('gives the description a numbered citation that links to its source entry', () => {
    const { root, data } = mount('vladimir-putin');
    const refs = [...root.querySelectorAll('.kind .refs a')] as HTMLAnchorElement[];
    expect(refs.map((a) => a.textContent)).toEqual(data.entity.description.cites.map((_, i) => `[${i + 1}]`));
    expect(refs[0]!.getAttribute('href')).toBe('#backstory-source-1');
    act(() => refs[0]!.click());
    const entry = root.querySelector('[data-source="1"]')!;
    expect(document.activeElement).toBe(entry.querySelector('button'));
    expect(entry.textContent).toContain('Caspian Policy Center');
  });

  it('numbers citations in reading order: description, then the naming note, then the background, each line ascending', () => {
    const { root } = mount('sept-2023-offensive');
    const lines = [root.querySelector('.kind')!, ...root.querySelectorAll('.naming'), ...root.querySelectorAll('.background li')];
    const seen: number[] = [];
    for (const line of lines) {
      const n = numbers(line);
      expect(n, line.textContent!).toEqual([...n].sort((a, b) => a - b));
      for (const x of n) if (!seen.includes(x)) seen.push(x);
    }
    // First appearances run 1, 2, 3, … down the card.
    expect(seen).toEqual(seen.map((_, i) => i + 1));
    expect(numbers(root.querySelector('.naming')!)[0]).toBeLessThan(numbers(root.querySelector('.background li')!)[0]!);
  });

  it('tells apart source entries from the same document', () => {
    const { root } = mount('jeyhun-bayramov');
    const entries = [...root.querySelectorAll('.sources li button.source')].map((b) => b.textContent!);
    expect(entries.length).toBeGreaterThan(2);
    expect(new Set(entries).size).toBe(entries.length);
    expect(entries.filter((t) => t.startsWith('OC Media')).every((t) => /passage \d+: “/.test(t))).toBe(true);
  });

  it('prints "Reported:" once on a reported statement', () => {
    const { root } = mount('leyla-abdullayeva');
    const reported = root.querySelector('.statement.reported')!;
    // Text the stylesheet generates (::before) is printed too, so it counts.
    const generated = CARD_CSS.match(/content:\s*["']reported/gi)?.length ?? 0;
    expect((reported.textContent!.match(/reported/gi)?.length ?? 0) + generated).toBe(1);
  });

  it('says "Copied" on the button for a moment, and announces it to screen readers', async () => {
    vi.useFakeTimers();
    try {
      const { root } = mount('jeyhun-bayramov');
      const live = root.querySelector('[aria-live="polite"]')!;
      expect(live.textContent).toBe('');
      const button = [...root.querySelectorAll('button.copy')].find((b) => b.textContent === 'Copy citation') as HTMLButtonElement;
      await act(async () => button.click());
      expect(button.textContent).toBe('Copied');
      expect(live.textContent).toBe('Citation copied');
      await act(async () => void vi.advanceTimersByTime(2500));
      expect(button.textContent).toBe('Copy citation');
      expect(live.textContent).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('citations', () => {
  it('links to the original with a text fragment', () => {
    expect(
      textFragmentUrl(
        'https://example.org/a',
        'Bayramov also claimed that the most serious obstacle to signing a final peace agreement is the continuation',
      ),
    ).toBe('https://example.org/a#:~:text=Bayramov%20also%20claimed%20that%20the%20most,agreement%20is%20the%20continuation');
    expect(textFragmentUrl(null, 'x')).toBeNull();
  });

  it('formats a reported statement’s citation', () => {
    const { kb } = seedBuild();
    const s = kb.statements.find((x) => x.kind === 'reported' && x.speaker.id === 'jeyhun-bayramov')!;
    const source = kb.docs.find((d) => d.id === s.doc)!.provenance;
    expect(statementCitation(s, source).text).toMatch(/\(reported\) Jeyhun Bayramov, .*Caspian Policy Center, 5 Dec 2022/);
  });
});
