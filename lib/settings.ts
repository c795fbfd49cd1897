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
  };
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
