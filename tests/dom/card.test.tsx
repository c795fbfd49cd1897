import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Card } from '../../components/Card';
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
        onCopy={(t) => calls.push(`copy:${t}`)}
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
    expect(quote.textContent).toContain('22 October 2024');
    // The description cites 000-p11 (22 October 2024) and 004-p11 (12 December 2022): the role is as of the newer.
    expect(root.querySelector('.kind')!.textContent).toBe('Person · Foreign Minister of Azerbaijan (as of 22 October 2024)');
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
      /^copy:“the most serious obstacle .*,” Jeyhun Bayramov, Azerbaijani Foreign Minister, OC Media, 22 October 2024, https:\/\/oc-media\.org\//,
    );
    expect(calls[1]).toMatch(/^copy:> “the most serious obstacle/);
    expect(calls[1]).toContain('[OC Media](https://oc-media.org/');
    expect(calls.slice(2)).toEqual(['open:000-p12', 'search:jeyhun-bayramov', 'pin', 'close']);
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
    expect(statementCitation(s, source).text).toMatch(/\(reported\) Jeyhun Bayramov, .*Caspian Policy Center, 5 December 2022/);
  });
});
