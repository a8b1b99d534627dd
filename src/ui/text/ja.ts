// 日本語カタログ。キーと {placeholder} は en.ts と同じでなければなりません
// (test/unit/messages.test.ts が確認します)。コマンド・オプション名・パス・
// パラメータ名・SMTP コード・URL は訳さずにそのまま残します。
// 文はフェーズ・コマンドごとのファイル（<part>.ja.ts、英語は隣の <part>.en.ts）にあり、
// このファイルはそれを組み合わせるだけです。分け方は en.ts の冒頭に書いてあります。
import type { en } from './en.js';

/** The same keys as the English reference (ui/messages.ts Catalogue). */
type Catalogue = Record<keyof typeof en, string>;
import { commonJa } from './common.ja.js';
import { optionsJa } from './options.ja.js';
import { detectJa } from './detect.ja.js';
import { askJa } from './ask.ja.js';
import { askAccountsJa } from './ask-accounts.ja.js';
import { askKeychainJa } from './ask-keychain.ja.js';
import { askRelayJa } from './ask-relay.ja.js';
import { askAuthJa } from './ask-auth.ja.js';
import { askConsentJa } from './ask-consent.ja.js';
import { planJa } from './plan.ja.js';
import { tuiJa } from './tui.ja.js';
import { applyJa } from './apply.ja.js';
import { verifyJa } from './verify.ja.js';
import { statusJa } from './status.ja.js';
import { restoreJa } from './restore.ja.js';
import { removeJa } from './remove.ja.js';
import { doctorJa } from './doctor.ja.js';
import { checkJa } from './check.ja.js';
import { monitorJa } from './monitor.ja.js';
import {
  helpJa,
  helpSetupJa,
  helpStatusJa,
  helpTestJa,
  helpRestoreJa,
  helpRemoveJa,
  helpDoctorJa,
  helpCheckJa,
} from './help.ja.js';

export const ja: Catalogue = {
  ...commonJa,
  ...optionsJa,
  ...detectJa,
  ...askJa,
  ...askAccountsJa,
  ...askKeychainJa,
  ...askRelayJa,
  ...askAuthJa,
  ...askConsentJa,
  ...planJa,
  ...tuiJa,
  ...applyJa,
  ...verifyJa,
  ...statusJa,
  ...restoreJa,
  ...removeJa,
  ...doctorJa,
  ...checkJa,
  ...monitorJa,
  help: helpJa,
  'help.setup': helpSetupJa,
  'help.status': helpStatusJa,
  'help.test': helpTestJa,
  'help.restore': helpRestoreJa,
  'help.remove': helpRemoveJa,
  'help.doctor': helpDoctorJa,
  'help.check': helpCheckJa,
};
