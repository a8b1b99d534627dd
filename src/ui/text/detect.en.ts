// The detect phase (flow/detect/): what this machine is, what it lacks, and installing it.
export const detectEn = {
  // flow/detect/describe.ts, commands/setup.ts
  'detect.running': 'Looking at this machine…',
  'detect.running.yes': 'running',
  'detect.running.no': 'stopped',
  'detect.summary': '{os}: Postfix {version} ({state}), configuration in {configDir}, maps of type {mapType}',
  'detect.noPostfix': '{os}: Postfix is not installed',

  // flow/detect/requirements.ts
  'req.postfixMissing': 'Postfix is not installed on this machine.',
  'req.runThen': 'To fix it: {command} — then run the wizard again.',
  'req.installManually': "install the package(s) {packages} with your system's package manager",
  'req.noSasl': 'This Postfix was built without Cyrus SASL (postconf -A lists: {types}), so it cannot log in to Gmail.',
  'req.noSaslFix':
    'Install a Postfix built with SASL support ({command}); on Gentoo enable the "sasl" USE flag for mail-mta/postfix.',
  'req.noTls':
    'This Postfix was built without TLS (the Gentoo USE flag "ssl" is off), so it cannot use STARTTLS, and Gmail accepts no login without it.',
  'req.noTlsFix':
    'Run the wizard with --install to rebuild mail-mta/postfix with USE="sasl ssl", or add "mail-mta/postfix sasl ssl" to /etc/portage/package.use and run: emerge --oneshot --newuse mail-mta/postfix',
  'req.noPlugins': 'The SASL PLAIN and LOGIN plugins are missing: Postfix would fail with "no mechanism available".',
  'req.saslPluginsManual': 'Install the Cyrus SASL PLAIN/LOGIN plugins for your system, then run the wizard again.',
  'req.mapType': 'Postfix\'s default map type "{type}" is not supported by this build (postconf -m: {types}).',
  'req.mapTypeFix':
    'Set default_database_type to a type listed by postconf -m, or install the map plugin for "{type}".',
  'req.notRoot': 'Changing the Postfix configuration needs root.',
  'req.notRootFix': 'Run it again as root: {command}   (--dry-run and status work without root)',

  // flow/detect/install.ts
  'install.title': 'To install first',
  'install.why.postfix': 'Postfix is not installed.',
  'install.why.sasl':
    'The SASL PLAIN/LOGIN plugins are missing: without them Postfix cannot log in to Gmail ("no mechanism available").',
  'install.why.mapType': 'Postfix\'s default map type "{type}" needs the package {package}.',
  'install.why.useFlags':
    'Postfix was built without the USE flag(s) {flags}: "sasl" lets it log in to Gmail (SMTP AUTH) and "ssl" lets it encrypt the connection (STARTTLS), without which Gmail refuses the login. It has to be rebuilt with them.',
  'install.why.xoauth2': 'OAuth 2.0 (--auth oauth) needs the Cyrus SASL plugin {package}.',
  'install.why.xoauth2Epel':
    'OAuth 2.0 (--auth oauth) needs the Cyrus SASL plugin {package}, which comes from EPEL: epel-release is installed first.',
  'install.why.xoauth2Experimental':
    'OAuth 2.0 (--auth oauth) needs the Cyrus SASL plugin {package}, which Debian has in experimental only: experimental is added as a source, pinned so that nothing but {package} comes from there.',
  'install.why.gentooNew':
    'Postfix is not installed. It will be built with the USE flags "sasl" (to log in to Gmail) and "ssl" (STARTTLS), which the relay needs.',
  'install.packageUseComment':
    'Added by postfix-gmail-wizard: Postfix needs SASL (to log in to Gmail) and TLS (STARTTLS).',
  'install.newFile': 'New file {path}:',
  'install.appendFile': 'Add to {path}:',
  'install.commands': 'Commands:',
  'install.confirm': 'Install now?',
  'install.dryRun': 'Dry run: nothing is installed.',
  'install.notDone': 'Nothing was installed. Run the wizard with --install to install it, or install it yourself.',
  'install.backedUp': '{path} is backed up first (backup {id}).',
  'install.log': 'The full output of the install goes to {path}',
  'install.running': 'Running {command}',
  'install.done': 'Done: {command}',
  'install.failed': '{command} failed (exit code {code}); nothing else was changed.',
  'install.failedFix': 'Last lines of the log {path}:\n{tail}\nFix the cause and run the wizard again.',
  'install.dpkgInterrupted':
    'dpkg was interrupted during an earlier install or upgrade (apt-get or dpkg stopped before it finished): some packages are only half installed, and no package can be installed until dpkg finishes that work. Nothing was changed.',
  'install.dpkgInterruptedWarn':
    'dpkg was interrupted during an earlier install or upgrade (apt-get or dpkg stopped before it finished): some packages are only half installed.',
  'install.dpkgCut':
    '{command} was stopped before it finished (exit code {code}; its output is in {path}) and left dpkg interrupted: some packages are only half installed.{undone}',
  'install.dpkgCutUndone': " The wizard's own changes were rolled back.",
  'install.dpkgInterruptedFix':
    'Run `{repair}` as root: dpkg finishes the work that was cut off. Then run the wizard again.\ndpkg --audit reports:\n{audit}',
  'install.reverted': '{path} is back as it was.',
  'install.reloading': 'Reloading Postfix, so that its smtp processes load the new SASL plugins: {command}',
  'install.starting': 'Starting the newly installed Postfix: {command}',
  'install.serviceFailed': '{command} failed: {reason}',
} as const;
