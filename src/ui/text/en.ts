// The English catalogue: the reference every other language must match (same keys, same
// {placeholders}; test/unit/messages.test.ts checks). Keep sentences plain; say the fix.
//
// The sentences live in one file per phase or command, English and Japanese side by side
// (<part>.en.ts, <part>.ja.ts); this file only composes them. A key sits in the part of the
// code that shows it (grep src for the key), whatever its prefix:
//
//   common        every command: yes/no, cancel, internal errors, intros, postconf failing
//   options       src/options.ts: the flags, paths, --state-dir/--backup-dir
//   detect        flow/detect/: the machine, what it lacks (req.), installing it (install.)
//   ask           flow/ask/: the answers and their checks (account., password., recipient.,
//                 relay., ca., ask.), the login pre-flight (preflight.)
//   ask-accounts  flow/ask/account-choice.ts, accounts.ts: choice., accounts. of --senders
//   ask-keychain  flow/ask/keychain-step.ts, ui/keychain-text.ts: keychain., status.keychain*
//   ask-relay     flow/ask/relay-options.ts: port, workspace., ipv6., senders., rootAlias.,
//                 loopback., mynetworks., relaypw.
//   ask-auth      how Postfix signs in (--auth): authNone. (Workspace's relay by address)
//   ask-consent   OAuth's interactive consent (consent.) and the question of how to sign in (authChoice.)
//   plan          flow/plan/, ui/plan-view.ts: plan., tls. overrides, legacy. replaced, secrets
//   tui           the terminal UI's one-screen plan and its question (tui.)
//   apply         flow/apply/, transaction/: apply., apply.step., recover., lock., trust. of folders
//   verify        flow/verify/ and the test command: verify., summary., flush., test.
//   status        commands/status.ts, status-legacy.ts: status., tls.source., legacy.status…
//   restore       commands/restore.ts and the backup checks: restore.
//   remove        commands/remove.ts, remove-account.ts, flow/apply/purge.ts: remove., putback.
//   doctor        commands/doctor.ts, ui/doctor-view.ts: doctor.
//   help          the help screens: --help (key 'help') and each command's ('help.<command>')
//   diagnoses     not composed here: ui/diagnosis-text.ts reads it (gmail/diagnose.ts codes)
import { commonEn } from './common.en.js';
import { optionsEn } from './options.en.js';
import { detectEn } from './detect.en.js';
import { askEn } from './ask.en.js';
import { askAccountsEn } from './ask-accounts.en.js';
import { askKeychainEn } from './ask-keychain.en.js';
import { askRelayEn } from './ask-relay.en.js';
import { askAuthEn } from './ask-auth.en.js';
import { askConsentEn } from './ask-consent.en.js';
import { planEn } from './plan.en.js';
import { tuiEn } from './tui.en.js';
import { applyEn } from './apply.en.js';
import { verifyEn } from './verify.en.js';
import { statusEn } from './status.en.js';
import { restoreEn } from './restore.en.js';
import { removeEn } from './remove.en.js';
import { doctorEn } from './doctor.en.js';
import { checkEn } from './check.en.js';
import { monitorEn } from './monitor.en.js';
import {
  helpEn,
  helpSetupEn,
  helpStatusEn,
  helpTestEn,
  helpRestoreEn,
  helpRemoveEn,
  helpDoctorEn,
  helpCheckEn,
} from './help.en.js';

export const en = {
  ...commonEn,
  ...optionsEn,
  ...detectEn,
  ...askEn,
  ...askAccountsEn,
  ...askKeychainEn,
  ...askRelayEn,
  ...askAuthEn,
  ...askConsentEn,
  ...planEn,
  ...tuiEn,
  ...applyEn,
  ...verifyEn,
  ...statusEn,
  ...restoreEn,
  ...removeEn,
  ...doctorEn,
  ...checkEn,
  ...monitorEn,
  help: helpEn,
  'help.setup': helpSetupEn,
  'help.status': helpStatusEn,
  'help.test': helpTestEn,
  'help.restore': helpRestoreEn,
  'help.remove': helpRemoveEn,
  'help.doctor': helpDoctorEn,
  'help.check': helpCheckEn,
} as const;
