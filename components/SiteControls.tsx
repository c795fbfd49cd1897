import type { Settings } from '../lib/settings';
import { useI18n } from '../lib/i18n/preact';
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
  const { t } = useI18n();
  const state = !settings.enabled
    ? t('statePaused')
    : siteOff
      ? t('stateOffOn', { site: site! })
      : site && isActiveOn(settings, site)
        ? t('stateOnFor', { site })
        : t('stateOn');
  return (
    <section aria-label={t('siteControlsLabel')} class="site-controls">
      <p data-testid="state" class="state">
        {state}
      </p>
      <label>
        <input type="checkbox" checked={!siteOff} disabled={!site} onChange={() => site && onChange(toggleSite(settings, site))} />{' '}
        {t('siteOnForThis')}
      </label>
      <label>
        <input type="checkbox" checked={!settings.enabled} onChange={() => onChange({ ...settings, enabled: !settings.enabled })} />{' '}
        {t('sitePauseEverywhere')}
      </label>
    </section>
  );
}
