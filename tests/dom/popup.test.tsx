import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Popup, tabKeyTarget, type PopupApi } from '../../components/Popup';
import { BackgroundService } from '../../lib/background/service';
import { message } from '../../lib/messages';
import { corpusInfo, loadSearchIndex, search } from '../../lib/search/query';
import { checkQuote, quoteCandidates, type QuoteCheckResult } from '../../lib/search/quote-check';
import { seedBuild } from '../unit/seed-data';

const flush = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));

function fakeApi(overrides: Partial<PopupApi> = {}) {
  const { kb, searchIndex } = seedBuild();
  const index = loadSearchIndex(JSON.parse(JSON.stringify(searchIndex)));
  const ix = quoteCandidates(kb);
  const searches: string[] = [];
  const api: PopupApi = {
    search: async (q, f) => (searches.push(q), search(index, kb, q, f)),
    corpusInfo: async () => corpusInfo(kb),
    checkQuote: async (t) => checkQuote(kb, t, ix),
    pageEntities: async () => null,
    scrollTo: () => {},
    openPassage: () => {},
    copy: async () => {},
    ...overrides,
  };
  return { api, searches };
}

async function mount(node: preact.ComponentChild) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  act(() => render(node, root));
  await flush();
  return root;
}

const key = (el: Element, k: string) => act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));

describe('popup keyboard (issue 13, defect 11)', () => {
  it('moves along the tab row with arrow keys, Home and End; only the selected tab is in the Tab order', async () => {
    expect(tabKeyTarget(['a', 'b', 'c'], 'c', 'ArrowRight')).toBe('a');
    expect(tabKeyTarget(['a', 'b', 'c'], 'a', 'ArrowLeft')).toBe('c');
    expect(tabKeyTarget(['a', 'b', 'c'], 'b', 'x')).toBeNull();
    const root = await mount(<Popup api={fakeApi().api} />);
    const tabs = () => [...root.querySelectorAll('[role=tab]')] as HTMLElement[];
    expect(tabs().map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    key(tabs()[0]!, 'ArrowRight');
    expect(tabs()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs()[1]);
    expect(tabs().map((t) => t.tabIndex)).toEqual([-1, 0, -1]);
    key(tabs()[1]!, 'End');
    expect(root.querySelector('[role=tabpanel]')!.getAttribute('aria-labelledby')).toBe('tab-check');
    key(tabs()[2]!, 'Home');
    expect(tabs()[0]!.getAttribute('aria-selected')).toBe('true');
  });

  it('keeps the active result in view after many presses of ↓', async () => {
    const seen: string[] = [];
    const spy = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      seen.push(this.id);
    });
    const root = await mount(<Popup api={fakeApi().api} initial={{ query: 'Armenia' }} />);
    await flush();
    const field = root.querySelector('input[type=search]')!;
    for (let i = 0; i < 14; i++) key(field, 'ArrowDown');
    expect(root.querySelector('[aria-selected=true][role=option]')!.id).toBe('hit-14');
    expect(seen[seen.length - 1]).toBe('hit-14');
    spy.mockRestore();
  });
});

describe('popup search (issue 13, defects 8 and 12; issue 12, defect 13)', () => {
  it('refuses an inverted range without searching, and explains an empty range', async () => {
    const { api, searches } = fakeApi();
    const root = await mount(<Popup api={api} />);
    const [from, to] = [...root.querySelectorAll('input[type=date]')] as HTMLInputElement[];
    searches.length = 0;
    act(() => {
      to!.value = '2024-01-01';
      to!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    act(() => {
      from!.value = '2024-06-30';
      from!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(root.querySelector('[role=alert]')!.textContent).toMatch(/date range is inverted/);
    expect(searches.length).toBeLessThanOrEqual(1);
    act(() => {
      to!.value = '2024-08-31';
      to!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(root.textContent).toMatch(/Nothing in the corpus is dated from 30 June 2024 to 31 August 2024/);
  });

  it('shows the group with the best result first: a question about what someone said shows the statement first', async () => {
    const root = await mount(<Popup api={fakeApi().api} initial={{ query: 'what did Bayramov say about the constitution' }} />);
    await flush();
    expect(root.querySelector('#results section')!.getAttribute('aria-label')).toBe('Statements');
    expect(root.querySelector('#hit-0')!.getAttribute('data-type')).toBe('statement');
    expect(root.querySelector('#hit-0')!.textContent).toContain('Jeyhun Bayramov');
    const zangezur = await mount(<Popup api={fakeApi().api} initial={{ query: 'Zangezur' }} />);
    await flush();
    expect(zangezur.querySelector('#hit-0')!.getAttribute('data-type')).toBe('entity');
  });

  it('lists speakers only in the speaker filter, unnamed ones marked', async () => {
    const root = await mount(<Popup api={fakeApi().api} />);
    const options = [...root.querySelectorAll('select[aria-label=Speaker] option')].map((o) => o.textContent);
    expect(options).toContain('Jeyhun Bayramov');
    expect(options).toContain('Some Western diplomats (not named)');
    for (const place of ['Baku', 'Yerevan', 'November 2020 trilateral ceasefire statement']) expect(options).not.toContain(place);
  });

  it('has a layout for a full window, and "Search all" opens the page in it', async () => {
    const root = await mount(<Popup api={fakeApi().api} layout="wide" />);
    expect(root.querySelector('main')!.classList.contains('wide')).toBe(true);
    const opened: string[] = [];
    const { kb, searchIndex } = seedBuild();
    const service = new BackgroundService({ loadKb: async () => kb, loadIndex: async () => searchIndex }, async (p) => void opened.push(p));
    await service.handle(message('openPage', { page: 'search', entity: 'jeyhun-bayramov' }));
    expect(opened).toEqual(['/popup.html?view=tab&entity=jeyhun-bayramov']);
  });
});

describe('popup quote check (issue 13, defects 2, 3 and 7)', () => {
  it('shows progress while a long quote is checked', async () => {
    let finish: (r: QuoteCheckResult) => void = () => {};
    const { api } = fakeApi({ checkQuote: () => new Promise((r) => (finish = r)) });
    const long = 'the most serious obstacle '.repeat(500);
    const root = await mount(<Popup api={api} initial={{ check: long }} />);
    expect(root.querySelector('[data-testid=checking]')!.textContent).toMatch(/Checking 2000 words/);
    expect(root.querySelector('section[aria-busy=true] progress')).not.toBeNull();
    await act(async () => finish(checkQuote(seedBuild().kb, 'the most serious obstacle to signing')));
    expect(root.querySelector('[data-testid=checking]')).toBeNull();
    expect(root.querySelector('[data-testid=check-result]')).not.toBeNull();
  });

  it('says direct or reported, shows a legend and every difference, and notes a non-English text', async () => {
    const reported = await mount(
      <Popup api={fakeApi().api} initial={{ check: 'the two sides agreed on nearly 80 percent of the points in a draft peace treaty' }} />,
    );
    await flush();
    expect(reported.querySelector('.verdict')!.textContent).toBe('Matches a report of what Leyla Abdullayeva said (not their own words)');
    expect(reported.querySelector('.badge.reported')!.textContent).toMatch(/reported speech/);
    const cut = await mount(<Popup api={fakeApi().api} initial={{ check: 'the outstanding issues swept under the rug' }} />);
    await flush();
    expect(cut.querySelector('.legend')!.textContent).toMatch(/your words.*the source’s words/);
    expect(cut.querySelector('.diff ins.negation')!.textContent).toMatch(/cannot be/);
    expect(cut.querySelector('.warning')!.textContent).toMatch(/negation/);
    const fr = await mount(
      <Popup api={fakeApi().api} initial={{ check: 'J’encourage maintenant les dirigeants à finaliser l’accord de paix' }} />,
    );
    await flush();
    expect(fr.querySelector('[data-testid=language-note]')!.textContent).toMatch(/compares wording, not meaning/);
  });
});
