import { LOCALES, type LocaleChoice } from './i18n/locales';

/** How mentions are marked on the page. */
export type HighlightStyle = 'underline' | 'background' | 'none';

/** Every reader setting, kept in browser.storage.local under SETTINGS_KEY. */
export interface Settings {
  /** False pauses Backstory everywhere. */
  enabled: boolean;
  /** Hostnames where Backstory is off. */
  disabledSites: string[];
  style: HighlightStyle;
  /** Mark every mention, or only the first mention of each entity. */
  mentions: 'every' | 'first';
  /** Countries are in the knowledge base but not highlighted unless this is on. */
  highlightCountries: boolean;
  /** In-page keys that move to the next and previous mention ("Alt+Shift+J"); empty turns one off. */
  shortcuts: { next: string; prev: string };
  /** The interface language: the browser's ("auto") or one the reader chose. */
  locale: LocaleChoice;
}

/** Storage key of the settings object. */
export const SETTINGS_KEY = 'backstory:settings';

/** The settings a new reader starts with. */
export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  style: 'underline',
  mentions: 'every',
  highlightCountries: false,
  shortcuts: { next: 'Alt+Shift+J', prev: 'Alt+Shift+K' },
  locale: 'auto',
};

/** Merges stored values over the defaults, dropping anything malformed. */
export function normalizeSettings(stored: unknown): Settings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<Settings>;
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: Array.isArray(s.disabledSites) ? s.disabledSites.filter((h) => typeof h === 'string') : [],
    style: s.style === 'background' || s.style === 'none' || s.style === 'underline' ? s.style : DEFAULT_SETTINGS.style,
    mentions: s.mentions === 'first' ? 'first' : 'every',
    highlightCountries: typeof s.highlightCountries === 'boolean' ? s.highlightCountries : DEFAULT_SETTINGS.highlightCountries,
    shortcuts: {
      next: typeof s.shortcuts?.next === 'string' ? s.shortcuts.next : DEFAULT_SETTINGS.shortcuts.next,
      prev: typeof s.shortcuts?.prev === 'string' ? s.shortcuts.prev : DEFAULT_SETTINGS.shortcuts.prev,
    },
    locale: (LOCALES as readonly unknown[]).includes(s.locale) ? s.locale! : 'auto',
  };
}

/** True when a key event is the shortcut written as "Alt+Shift+J" (modifiers in any order, key by its code). */
export function matchesShortcut(
  event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code' | 'key'>,
  shortcut: string,
): boolean {
  if (!shortcut.trim()) return false;
  const parts = shortcut.split('+').map((p) => p.trim().toLowerCase());
  const key = parts.pop()!;
  const want = { alt: parts.includes('alt'), shift: parts.includes('shift'), ctrl: parts.includes('ctrl'), meta: parts.includes('meta') };
  if (event.altKey !== want.alt || event.shiftKey !== want.shift || event.ctrlKey !== want.ctrl || event.metaKey !== want.meta)
    return false;
  const code = event.code.toLowerCase();
  return code === `key${key}` || code === `digit${key}` || code === key || event.key.toLowerCase() === key;
}

/** Whether Backstory runs on a page of this hostname. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname);
}

/** Turns Backstory off on a site, or back on. */
export function toggleSite(settings: Settings, hostname: string): Settings {
  const off = settings.disabledSites.includes(hostname);
  return { ...settings, disabledSites: off ? settings.disabledSites.filter((h) => h !== hostname) : [...settings.disabledSites, hostname] };
}

/** The minimal storage surface the settings need (browser.storage.local, or a fake in tests). */
export interface SettingsStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Reads the settings. */
export async function loadSettings(store: SettingsStore): Promise<Settings> {
  return normalizeSettings((await store.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Applies a change to the stored settings and returns the result. */
export async function updateSettings(store: SettingsStore, change: (s: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings(store));
  await store.set({ [SETTINGS_KEY]: next });
  return next;
}
