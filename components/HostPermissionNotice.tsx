import { useI18n } from '../lib/i18n/preact';

/** Props: the site Backstory may not read, and how to ask the browser for it (from the click, a user gesture). */
export interface HostPermissionNoticeProps {
  site: string;
  onAllow: () => void;
}

/**
 * Shown when the browser withholds Backstory's access to the current site (Firefox lets users grant or revoke
 * host permissions per site): says so, and offers to allow it.
 */
export function HostPermissionNotice({ site, onAllow }: HostPermissionNoticeProps) {
  const { t } = useI18n();
  // The site's name is bold inside the sentence, wherever the language puts it.
  const [before, after] = t('permissionNotAllowed', { site: '\u0000' }).split('\u0000');
  return (
    <section role="alert" class="permission-notice" data-testid="permission-notice">
      <p>
        {before}
        <strong>{site}</strong>
        {after}
      </p>
      <button type="button" onClick={onAllow}>
        {t('permissionAllowOn', { site })}
      </button>
    </section>
  );
}
