// コマンドラインのオプションの検査（src/options.ts）。何かを実行する前に確認します。
import type { optionsEn } from './options.en.js';

export const optionsJa: Record<keyof typeof optionsEn, string> = {
  // src/options.ts: flags
  'options.seeHelp': '--help でオプションの一覧を確認してください。',
  'options.passwordOnCommandLine':
    'アプリパスワードはコマンドラインでは受け付けません。コマンドラインはこのマシンのすべてのユーザーから見えます（ps、/proc/*/cmdline）。',
  'options.passwordOnCommandLineFix':
    '--password-stdin（標準入力から 1 行）または --password-file PATH（root だけが読めるファイル）を使ってください。',
  'options.unknownCommand': '不明なコマンドです: 「{command}」',
  'options.useOneOf': '次のいずれかを指定してください: {commands}',
  'options.unexpectedArgument': '余分な引数があります: 「{argument}」（{command} はこの引数を取りません）',
  'options.seeCommandHelp': '「postfix-gmail-wizard help {command}」で指定できるものを確認してください。',
  'options.unknownOption': '不明なオプションです: {option}',
  'options.didYouMean': '{word} のことですか？',
  'options.notForCommand': '{option} は {command} のオプションではありません。',
  'options.noValue': '{option} は値を取りません。',
  'options.needsValue': '{option} には値が必要です。',
  'options.needsValueFix':
    'オプションの後に値を指定してください（{option} VALUE）。値が「-」で始まる場合は {option}=VALUE と書いてください。',
  'options.together': '{a} と {b} は同時に指定できません。',
  'options.togetherFix': 'どちらか一方だけを指定してください。',
  'options.sendersWithoutAccount':
    '--senders には --account が必要です。--senders は、そのアカウントで中継する送信者を指定します。',
  'options.sendersWithoutAccountFix': 'それらの送信者が使うアカウントを --account ADDR で指定してください。',
  'options.yesWithoutFix': 'doctor の --yes は --fix と一緒のときだけ意味があります（修復を確認なしで適用します）。',
  'options.listTakesNoId':
    'restore --list はすべてのバックアップを一覧表示します。バックアップ ID（「{argument}」）は指定できません。',
  'options.passwordFileEmpty': '--password-file が空です。アプリパスワードを書いたファイルのパスを指定してください。',
  'options.passwordFileRelative':
    '--password-file {path} は絶対パスではありません。root が読むファイルなので、実行を始めたフォルダーに左右されてはいけません。',
  'options.passwordFileFix':
    '--password-file には root だけが読めるファイルの絶対パスを指定してください（例: --password-file /root/gmail-app-password）。',
  'options.auth': '--auth には app-password、oauth、none のいずれかを指定してください（"{auth}" は使えません）。',
  'options.authFix': '--auth app-password（既定）、--auth oauth、--auth none のいずれかを使ってください。',
  'options.oauthFlagWithoutOauth': '{flag} は --auth oauth と一緒に使うオプションです。',
  'options.oauthFlagWithoutOauthFix': '--auth oauth を付けるか、{flag} を外してください。',
  'options.passwordWithAuth':
    '{flag} はアプリパスワードを渡すオプションですが、--auth {auth} ではパスワードを使いません。',
  'options.passwordWithAuthFix': '{flag} を外すか、--auth app-password を使ってください。',
  'options.sendersWithAuthNone':
    '--senders は自分のパスワードでログインするアカウントを追加しますが、--auth none ではログインしません。',
  'options.sendersWithAuthNoneFix':
    '--auth none では --senders を外してください（リレーはドメインのすべての送信者についてこのマシンを受け入れます）。',
  'options.sendersWithAuthOauth':
    '--senders と --auth oauth は一緒に使えません。OAuth は既定のアカウントだけのものです。Postfix の SASL メカニズムの一覧（smtp_sasl_mechanism_filter = xoauth2）はすべてのアカウントに共通なので、送信者別のアカウントがその横でパスワードでログインできなくなります。',
  'options.sendersWithAuthOauthFix':
    '既定のアカウントを --auth oauth で設定する（--senders なし）か、すべてのアカウントにアプリパスワードを使ってください（--auth app-password）。',
  'options.lang': '--lang には "en" か "ja" を指定してください（指定値: "{lang}"）。',
  'options.langFix': '--lang en または --lang ja を指定してください。',
  'options.wait': '--wait には秒数を指定してください（指定値: "{wait}"）。',
  'options.waitFix': '例: --wait 60',

  // src/options.ts: paths Postfix must read literally
  'path.relative':
    '{option} {path} は絶対パスではありません。Postfix はあなたの作業ディレクトリではなく、Postfix 自身の作業ディレクトリを基準に探します。',
  'path.control': '{option} {path} には制御文字（改行やタブなど）が含まれています。main.cf には書けません。',
  'path.whitespace':
    '{option} {path} には空白が含まれています。Postfix はリストを空白で区切るため、2 つのパスとして読んでしまいます。',
  'path.comma':
    '{option} {path} にはカンマが含まれています。Postfix はリストをカンマで区切るため、2 つのパスとして読んでしまいます。',
  'path.dollar':
    '{option} {path} には「$」が含まれています。Postfix は $name をパラメーターの値に置き換えてしまいます。',
  'path.brace':
    '{option} {path} には「{」または「}」が含まれています。Postfix は波かっこをリストのグループとして読みます。',
  'path.fix':
    '{option} には空白・カンマ・「$」・波かっこを含まない絶対パスを指定してください（ファイルをそのようなパス、たとえば /etc/postfix/ の下に移動するか、リンクを作成してください）。',

  // src/options.ts: --state-dir / --backup-dir
  'trust.relativeDir':
    '{option} {path} は絶対パスではありません。root のロック、ジャーナル、バックアップが、実行を始めたフォルダーに置かれてしまいます。',
  'trust.relativeDirFix': '{option} には / で始まる絶対パスを指定してください（例: {option} {example}）。',
};
