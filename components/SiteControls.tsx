import type { Settings } from '../lib/settings';
import { isActiveOn, toggleSite } from '../lib/settings';

/** Props: the current settings, the current tab's site, and how to save a change. */
export interface SiteControlsProps {
  settings: Settings;
  site: string | null;
  onChange: (next: Settings) => void;
}

/** Off-on-this-site and pause-everywhere switches, with the current state in words. */
export function SiteControls({ settings, site, onChange }: SiteControlsProps) {
  const siteOff = !!site && settings.disabledSites.includes(site);
  const state = !settings.enabled
    ? 'Paused everywhere'
    : siteOff
      ? `Off on ${site}`
      : site && isActiveOn(settings, site)
        ? `On for ${site}`
        : 'On';
  return (
    <section aria-label="Backstory on this site" class="site-controls">
      <p data-testid="state" class="state">
        {state}
      </p>
      <label>
        <input type="checkbox" checked={!siteOff} disabled={!site} onChange={() => site && onChange(toggleSite(settings, site))} /> On for
        this site
      </label>
      <label>
        <input type="checkbox" checked={!settings.enabled} onChange={() => onChange({ ...settings, enabled: !settings.enabled })} /> Pause
        everywhere
      </label>
    </section>
  );
}
