// The defects `npm run mutate` plants, one at a time, in the modules that guard secrets and verdicts:
// the pre-flight login, the atomic write, the transaction and its backup, the plan's modes and TLS
// level, the delivery verdict and the test command's result. Each is an exact text in one source
// file (it must occur exactly once, or the mutant is reported stale: update it when the code moves)
// and its replacement; `tests` names the test files meant to catch it (run first, for speed).
// Every one must turn the non-root layers red; a survivor is a missing test.
export const mutants = [
  // system/smtp.ts: the pre-flight, where the app password first leaves the machine.
  {
    id: 'preflight-certificate-not-verified',
    tests: ['unit/system/smtp'],
    file: 'src/system/smtp.ts',
    from: 'rejectUnauthorized: true',
    to: 'rejectUnauthorized: false',
  },
  {
    id: 'preflight-starttls-not-required',
    tests: ['unit/system/smtp'],
    file: 'src/system/smtp.ts',
    from: 'requireTLS: !endpoint.implicitTls',
    to: 'requireTLS: false',
  },
  {
    id: 'preflight-name-not-checked',
    tests: ['unit/system/smtp'],
    file: 'src/system/smtp.ts',
    from: 'servername: endpoint.host,',
    to: 'servername: endpoint.host, checkServerIdentity: () => undefined,',
  },
  {
    id: 'preflight-465-without-tls',
    tests: ['unit/system/smtp'],
    file: 'src/system/smtp.ts',
    from: 'secure: endpoint.implicitTls,',
    to: 'secure: false,',
  },
  {
    id: 'preflight-trust-anchors-ignored',
    tests: ['unit/system/smtp'],
    file: 'src/system/smtp.ts',
    from: 'tls: { ca: endpoint.ca,',
    to: 'tls: { ca: undefined,',
  },
  {
    id: 'probe-never-sees-implicit-tls',
    tests: ['unit/system/smtp'],
    file: 'src/system/smtp.ts',
    from: "socket.once('secureConnect', () => done(true));",
    to: "socket.once('secureConnect', () => done(false));",
  },
  // system/real-system.ts: writeFileAtomic.
  {
    id: 'atomic-write-no-fsync',
    tests: ['unit/system/write-file-atomic'],
    file: 'src/system/real-system.ts',
    from: 'await handle.sync();',
    to: '',
  },
  {
    id: 'atomic-write-no-directory-fsync',
    tests: ['unit/system/write-file-atomic'],
    file: 'src/system/real-system.ts',
    from: 'await dirHandle.sync();',
    to: '',
  },
  {
    id: 'atomic-write-temp-world-readable',
    tests: ['unit/system/write-file-atomic'],
    file: 'src/system/real-system.ts',
    from: 'constants.O_EXCL, options.mode)',
    to: 'constants.O_EXCL, 0o644)',
  },
  {
    id: 'atomic-write-follows-a-planted-temp',
    tests: ['unit/system/write-file-atomic'],
    file: 'src/system/real-system.ts',
    from: 'constants.O_CREAT | constants.O_EXCL',
    to: 'constants.O_CREAT | constants.O_TRUNC',
  },
  {
    id: 'atomic-write-mode-left-to-umask',
    tests: ['unit/system/write-file-atomic'],
    file: 'src/system/real-system.ts',
    from: 'await handle.chmod(options.mode);',
    to: '',
  },
  // transaction/: check, rollback, journal, backup, secret modes.
  {
    id: 'transaction-no-postfix-check',
    tests: ['flow/transaction/', 'flow/commands/remove', 'unit/transaction/'],
    file: 'src/transaction/transaction.ts',
    from: "{ code: 'check', run: () => mustRun(sys, checkCommand(postfix)) },",
    to: "{ code: 'check', run: async () => void checkCommand(postfix) },",
  },
  {
    id: 'transaction-check-result-ignored',
    tests: ['flow/transaction/', 'flow/commands/remove', 'unit/transaction/'],
    file: 'src/transaction/transaction.ts',
    from: "{ code: 'check', run: () => mustRun(sys, checkCommand(postfix)) },",
    to: "{ code: 'check', run: async () => void (await sys.exec(checkCommand(postfix).file, checkCommand(postfix).args)) },",
  },
  {
    id: 'transaction-rollback-restores-nothing',
    tests: ['flow/transaction/', 'flow/commands/remove', 'unit/transaction/'],
    file: 'src/transaction/rollback.ts',
    from: 'await restoreBackup(sys, backup, { configDir: postfix?.configDir ?? configDir, extra: scope.touched });',
    to: 'void restoreBackup, configDir;',
  },
  {
    id: 'transaction-step-not-journaled-before-it-runs',
    tests: ['flow/transaction/', 'flow/commands/remove', 'unit/transaction/'],
    file: 'src/transaction/transaction.ts',
    from: "journal.steps.push({ ...ref, state: 'started', ...(step.undo ? { undo: step.undo } : {}) });\n        await writeJournal(sys, options.stateDir, journal);",
    to: "journal.steps.push({ ...ref, state: 'started', ...(step.undo ? { undo: step.undo } : {}) });",
  },
  {
    id: 'rollback-leaves-the-enabled-timer',
    tests: ['flow/commands/setup-monitor-rollback'],
    file: 'src/transaction/rollback.ts',
    from: 'await runUndo(sys, scope.undo?.before ?? []);',
    to: 'void runUndo;',
  },
  {
    id: 'recovery-leaves-the-enabled-timer',
    tests: ['flow/commands/setup-monitor-rollback'],
    file: 'src/flow/apply/recover.ts',
    from: 'await runUndo(sys, undo.before);',
    to: 'void runUndo;',
  },
  {
    id: 'transaction-compiled-map-mode-not-tightened',
    tests: ['flow/transaction/', 'flow/commands/remove', 'unit/transaction/'],
    file: 'src/transaction/run-step.ts',
    from: 'if (info && (info.mode & 0o077) !== 0) await sys.chmod(path, 0o600);',
    to: 'void info;',
  },
  {
    id: 'transaction-readable-secret-left-readable',
    tests: ['flow/commands/doctor', 'flow/plan/secret-files'],
    file: 'src/transaction/run-step.ts',
    from: 'else await sys.chmod(fix.path, 0o600);',
    to: 'else await sys.chmod(fix.path, 0o644);',
  },
  {
    id: 'backup-copies-readable-by-all',
    tests: ['flow/commands/remove', 'unit/transaction/backup'],
    file: 'src/transaction/backup.ts',
    from: 'await sys.writeFileAtomic(`${dir}/${copy}`, bytes, { mode: 0o600 });',
    to: 'await sys.writeFileAtomic(`${dir}/${copy}`, bytes, { mode: 0o644 });',
  },
  // flow/plan/plan.ts: the password map's mode and the TLS settings.
  {
    id: 'plan-password-map-0644',
    tests: ['flow/commands/setup.test', 'flow/plan/'],
    file: 'src/flow/plan/plan.ts',
    from: 'const secretMode = 0o600;',
    to: 'const secretMode = 0o644;',
  },
  {
    id: 'plan-tls-level-may',
    tests: ['flow/commands/setup.test', 'flow/plan/'],
    file: 'src/flow/plan/plan.ts',
    from: "smtp_tls_security_level: 'secure',",
    to: "smtp_tls_security_level: 'may',",
  },
  {
    id: 'plan-tls-level-encrypt',
    tests: ['flow/commands/setup.test', 'flow/plan/'],
    file: 'src/flow/plan/plan.ts',
    from: "smtp_tls_security_level: 'secure',",
    to: "smtp_tls_security_level: 'encrypt',",
  },
  {
    id: 'plan-sasl-tls-options-default',
    tests: ['flow/commands/setup.test', 'flow/plan/'],
    file: 'src/flow/plan/plan.ts',
    from: "smtp_sasl_tls_security_options: 'noanonymous',",
    to: "smtp_sasl_tls_security_options: 'noplaintext, noanonymous',",
  },
  // The commands' own guards.
  {
    id: 'remove-without-root',
    tests: ['flow/commands/remove'],
    file: 'src/commands/remove.ts',
    from: 'if (!ctx.options.dryRun) requireRoot(facts, ctx.argv);',
    to: 'if (!ctx.options.dryRun && facts === undefined) requireRoot(facts, ctx.argv);',
  },
  // The verdict: postfix/verdict.ts, flow/verify/, the test command.
  {
    id: 'verdict-believed-while-queued',
    tests: ['flow/verify/', 'unit/postfix/verdict'],
    file: 'src/postfix/verdict.ts',
    from: 'if (finals.length === 0 || stillQueued) return undefined;',
    to: 'if (finals.length === 0 || (stillQueued && false)) return undefined;',
  },
  {
    id: 'verdict-first-line-wins',
    tests: ['flow/verify/', 'unit/postfix/verdict'],
    file: 'src/postfix/verdict.ts',
    from: "return candidates.find((e) => e.status !== 'sent') ?? candidates[0];",
    to: 'return candidates[0];',
  },
  {
    id: 'verify-claim-without-the-queue',
    tests: ['flow/verify/'],
    file: 'src/flow/verify/verify.ts',
    from: 'claim && entry && !entry.queued',
    to: 'claim',
  },
  {
    id: 'report-queued-as-delivered',
    tests: ['flow/commands/test.test', 'flow/verify/'],
    file: 'src/flow/verify/summary.ts',
    from: "ctx.ui.warn(t('summary.stillQueued', { id: result.queueId ?? '?' }));\n    return ExitCode.notDelivered;",
    to: "ctx.ui.warn(t('summary.stillQueued', { id: result.queueId ?? '?' }));\n    return ExitCode.ok;",
  },
  {
    id: 'test-command-always-delivered',
    tests: ['flow/commands/test.test'],
    file: 'src/commands/test.ts',
    from: "result: exit === ExitCode.ok ? 'delivered' : 'not-delivered'",
    to: "result: 'delivered'",
  },
];
