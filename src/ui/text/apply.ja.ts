// 適用フェーズ（flow/apply/、transaction/）: バックアップ、各ステップ、ロールバック、ロック、
// 中断された変更の復旧、状態・バックアップ用フォルダーの信頼性チェック。
import type { applyEn } from './apply.en.js';

export const applyJa: Record<keyof typeof applyEn, string> = {
  // flow/apply/apply.ts, commands/setup.ts
  'apply.pruned': '古いバックアップを {count} 個削除しました。新しい {keep} 個を残しています。',
  'apply.debconf':
    'Debian の Postfix 設定の回答を main.cf に合わせました（メール設定の種類「{mailerType}」、リレーホスト「{relayhost}」）。dpkg-reconfigure postfix やパッケージの更新でもこの設定が保たれます。',
  'apply.debconfFailed':
    'Debian の Postfix 設定の回答を更新できませんでした（{reason}）。dpkg-reconfigure postfix を実行したら relayhost を確認してください（postfix-gmail-wizard doctor --fix で元に戻せます）。',
  'apply.backup': '変更するファイルをバックアップしています…',
  'apply.backupFailed': '{dir} にバックアップできませんでした: {reason}。何も変更していません。',
  'apply.backupFailedFix':
    'バックアップ先のディレクトリに root が書き込めるようにするか、--backup-dir で別の場所を指定してください。',
  'apply.stepFailed': '失敗: {step}',
  'apply.failed': '失敗しました。',
  'apply.done': '設定を適用し、Postfix をリロードしました。',
  'apply.summary': '{count} 件の変更を適用しました（バックアップ {id}）。',
  'apply.rollbackDone': 'ロールバックしました。元の設定に戻っています。',
  'apply.notAsBefore': '{path} が変更前の状態に戻っていません',
  'failure.exited': '{file} が終了コード {code} で終わりました: {output}',
  'failure.exitedQuiet': '{file} が終了コード {code} で終わりました',
  'apply.rollbackFailed':
    'ロールバックに失敗しました（{reason}）。バックアップは {dir} にあります。次のコマンドで復元してください: postfix-gmail-wizard restore',
  'apply.rollbackReloadFailed':
    'ファイルは元に戻しましたが、Postfix の再読み込みに失敗しました（{reason}）。Postfix は以前の設定のまま動作を続けます。',
  'apply.rolledBack': '「{step}」に失敗しました: {reason}。変更はすべて元に戻しました。',
  'apply.rolledBackFix': '上記の原因を解消してから、ウィザードをもう一度実行してください。',
  'apply.interrupted': '適用中に中断されました（{signal}）。すべての変更を元に戻しました。',
  'apply.notRolledBack':
    '「{step}」に失敗しました: {reason}。ロールバックも完了していません。設定が途中まで変わったままの可能性があります。',
  'apply.notRolledBackFix':
    'そのフォルダーに再び書き込めるようにしてから（空き容量を作る、読み書き可能で再マウントする）、次を実行してください: postfix-gmail-wizard restore {id} --yes（最初に取ったバックアップ、{dir}）。ウィザードを再実行しても復元を提案します。',
  'apply.interruptedNotRolledBack':
    '適用中に中断され（{signal}）、ロールバックも完了していません。設定が途中まで変わったままの可能性があります。',
  'apply.noSpace':
    '{dir} のあるファイルシステムの空き容量が足りません: 空き {free}、この変更にはおよそ {needed} 必要です。何も変更していません。',
  'apply.noSpaceFix':
    'そこに空き容量を作る（または --backup-dir や --state-dir で別のフォルダーを指定する）と、もう一度ウィザードを実行してください。',

  // ui/step-text.ts: the steps' labels
  'apply.step.masterSet': 'master.cf のオプションを元に戻しています（postconf -P）',
  'apply.step.secretFixes': 'パスワードファイルを root だけが読めるようにしています',
  'apply.step.masterRemove': 'master.cf の上書き設定を削除しています（postconf -PX）',
  'apply.step.install': 'インストールしています: {command}',
  'apply.step.command': '{command} を実行しています',
  'apply.step.mkdir': 'ディレクトリ {path} の作成',
  'apply.step.write': '{path} の書き込み',
  'apply.step.postconf': 'main.cf のパラメータ設定（postconf -e）',
  'apply.step.mapModes': 'コンパイル済みマップの権限確認（root だけが読めること）',
  'apply.step.settle': 'main.cf が落ち着くのを待っています（Postfix は変更から 2 秒たった main.cf を読みます）',
  'apply.step.check': '設定の検査（postfix check）',
  'apply.step.reload': 'Postfix のリロード',
  'apply.step.delete': '{path} を削除しています',
  'apply.step.postconfRemove': 'main.cf のパラメーターを削除しています（postconf -X）',
  'apply.step.restart': 'Postfix の再起動（停止してから起動: リロードでは待ち受けソケットが変わりません）',

  // flow/apply/recover.ts
  'recover.found':
    '前回の実行が変更の途中で止まっています（{when}、「{step}」の時点）。変更前の状態はバックアップ {id} にあります。',
  'recover.needYes': '途中で止まった変更を先に元に戻す必要がありますが、確認できる人がいません。',
  'recover.needYesFix':
    '--yes を付けて実行すると自動で元に戻します。手動で戻す場合: postfix-gmail-wizard restore {id} --yes',
  'recover.confirm': '途中で止まった変更をいま元に戻しますか？',
  'recover.backupMissing': '途中で止まった変更のバックアップが見つかりません（{dir}）。',
  'recover.backupMissingFix':
    'Postfix の設定を手動で確認し（postfix check）、状態ディレクトリの journal.json を削除してください。',
  'recover.done': '途中で止まった変更を元に戻しました（バックアップ {id}）。',
  'trust.journalElsewhere':
    '中断された変更のジャーナルは、バックアップフォルダー {expected} ではなく {dir} のバックアップを指しています。これには従いません。',
  'trust.journalElsewhereFix':
    'Postfix の設定を手作業で確認し（postfix check）、状態ディレクトリの journal.json を削除してください。中断された実行と同じ --backup-dir を指定して実行してください。',
  'recover.complete':
    '前回の実行は変更を最後まで終えましたが、後片付けの前に止まりました（バックアップ {id}）。ロールバックは不要でした。',
  'recover.leftovers': '中断された書き込みが残した一時ファイルを {count} 個削除しました。',

  // ui/error-text.ts: the lock, unsafe folders (transaction/lock.ts, system/private-dirs.ts)
  'lock.busy': '別の postfix-gmail-wizard（pid {pid}）が設定を変更中です（{path}）。',
  'lock.busyFix': 'そちらが終わるのを待ってから、もう一度実行してください。',
  'trust.unsafeBackupDir':
    '{dir} のバックアップは読み込みません。{path} が{reason}ため、ほかのユーザーが root に復元させるバックアップを置けてしまいます。',
  'trust.unsafeBackupDirFix':
    'バックアップは root だけが書き込めるフォルダーからのみ使います（確認: ls -ld {path}）。そのようなフォルダーを --backup-dir に指定してください。',
  'trust.reason.symlink': 'シンボリックリンクである',
  'trust.reason.owner': 'ほかのユーザーの所有である',
  'trust.reason.writable': 'ほかのユーザーも書き込める',
  'trust.reason.notDirectory': 'ディレクトリではない',
  'lock.stateDir': '{dir} をウィザードの状態やバックアップの保存先に使えません: {reason}。',
  'lock.stateDirFix':
    'root だけが書き込めるフォルダーを --state-dir/--backup-dir で指定してください。ウィザードは DIR/postfix-gmail-wizard の中で作業します。',
};
