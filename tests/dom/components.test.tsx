import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { OptionsForm } from '../../components/OptionsForm';
import { SiteControls } from '../../components/SiteControls';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';

function mount(node: preact.ComponentChild) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  act(() => render(node, root));
  return root;
}

describe('SiteControls', () => {
  it('shows the state and turns the current site off', () => {
    let saved: Settings | null = null;
    const root = mount(<SiteControls settings={DEFAULT_SETTINGS} site="example.org" onChange={(s) => (saved = s)} />);
    expect(root.querySelector('[data-testid=state]')!.textContent).toBe('On for example.org');
    act(() => (root.querySelectorAll('input')[0] as HTMLInputElement).click());
    expect(saved!.disabledSites).toEqual(['example.org']);
  });

  it('shows paused and off states', () => {
    expect(
      mount(<SiteControls settings={{ ...DEFAULT_SETTINGS, enabled: false }} site="a.org" onChange={() => {}} />).textContent,
    ).toContain('Paused everywhere');
    expect(
      mount(<SiteControls settings={{ ...DEFAULT_SETTINGS, disabledSites: ['a.org'] }} site="a.org" onChange={() => {}} />).textContent,
    ).toContain('Off on a.org');
  });

  it('pauses everywhere', () => {
    let saved: Settings | null = null;
    const root = mount(<SiteControls settings={DEFAULT_SETTINGS} site={null} onChange={(s) => (saved = s)} />);
    expect((root.querySelectorAll('input')[0] as HTMLInputElement).disabled).toBe(true);
    act(() => (root.querySelectorAll('input')[1] as HTMLInputElement).click());
    expect(saved!.enabled).toBe(false);
  });
});

describe('OptionsForm', () => {
  it('holds every setting and reports changes', () => {
    const changes: Settings[] = [];
    const root = mount(<OptionsForm settings={{ ...DEFAULT_SETTINGS, disabledSites: ['x.org'] }} onChange={(s) => changes.push(s)} />);
    act(() => (root.querySelector('input[value=background]') as HTMLInputElement).click());
    act(() => (root.querySelector('input[name=countries]') as HTMLInputElement).click());
    act(() => (root.querySelector('button') as HTMLButtonElement).click());
    expect(changes.map((c) => [c.style, c.highlightCountries, c.disabledSites.length])).toEqual([
      ['background', false, 1],
      ['underline', true, 1],
      ['underline', false, 0],
    ]);
  });
});

describe('settings', () => {
  it('normalises stored values and toggles sites', async () => {
    const { normalizeSettings, toggleSite, isActiveOn } = await import('../../lib/settings');
    expect(normalizeSettings({ style: 'neon', enabled: 'yes', disabledSites: ['a', 3] })).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSites: ['a'],
    });
    const off = toggleSite(DEFAULT_SETTINGS, 'a.org');
    expect(isActiveOn(off, 'a.org')).toBe(false);
    expect(isActiveOn(toggleSite(off, 'a.org'), 'a.org')).toBe(true);
  });
});

describe('shortcuts', () => {
  it('can be changed or turned off in the options, and match key events', async () => {
    const { matchesShortcut } = await import('../../lib/settings');
    const changes: Settings[] = [];
    const root = mount(<OptionsForm settings={DEFAULT_SETTINGS} onChange={(s) => changes.push(s)} />);
    const next = root.querySelector('input[name=shortcut-next]') as HTMLInputElement;
    act(() => {
      next.value = '';
      next.dispatchEvent(new Event('change'));
    });
    expect(changes[0]!.shortcuts).toEqual({ next: '', prev: 'Alt+Shift+K' });
    const key = { altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, code: 'KeyJ', key: 'J' };
    expect(matchesShortcut(key, 'Alt+Shift+J')).toBe(true);
    expect(matchesShortcut(key, 'Alt+J')).toBe(false);
    expect(matchesShortcut(key, '')).toBe(false);
  });
});
