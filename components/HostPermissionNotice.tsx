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
  return (
    <section role="alert" class="permission-notice" data-testid="permission-notice">
      <p>
        Backstory is not allowed to read <strong>{site}</strong>, so it cannot mark anything on this page.
      </p>
      <button type="button" onClick={onAllow}>
        Allow on {site}
      </button>
    </section>
  );
}
