// remove がセットアップの TLS 修正で取り除いたものを戻す際の文言（flow/plan/putback.ts）。ja.ts に展開されます。
import type { putbackEn } from './putback.en.js';

export const putbackJa: Record<keyof typeof putbackEn, string> = {
  'apply.step.masterSet': 'master.cf のオプションを元に戻しています（postconf -P）',
  'putback.masterChanged': 'master.cf の {where} は "{value}" に戻しませんでした。セットアップ後に設定された "{now}" になっているため、そのままにします。',
  'putback.masterServiceGone': 'master.cf の {where} は "{value}" に戻しませんでした。そのサービスが master.cf にもうありません。',
  'putback.tableChanged': 'エントリ "{value}" は {where} に戻しませんでした。セットアップ後に書かれた {key} の別のエントリ（"{now}"）があるため、そちらをそのままにします。',
  'putback.tableGone': 'エントリ "{value}" は {where} に戻しませんでした。ファイルがもうありません。',
};
