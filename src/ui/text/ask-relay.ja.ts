// 質問フェーズ: リレーのオプション（flow/ask/relay-options.ts）: ポートと TLS の方式、Google Workspace、
// IPv6、送信者アドレス、root 宛てのメール、待ち受け、mynetworks（status も表示します）。
import type { askRelayEn } from './ask-relay.en.js';

export const askRelayJa: Record<keyof typeof askRelayEn, string> = {
  // flow/ask/relay-options.ts: port and TLS style, a password of another relay
  'relay.implicitTlsFound':
    '{host}:{port} は最初の 1 バイトから TLS で話すサーバーです。Postfix はラッパーモード（smtp_tls_wrappermode = yes）で接続します。',
  'relay.portBlocked':
    'ここから {host} のポート {port} に接続できません（{code}）。送信用ポートを遮断するプロバイダーは少なくありません。',
  'relay.tryOtherPort': '{host} のポート {port} は応答します。こちらを使いますか？',
  'relay.tryOtherPortToo': '{host} のポート {port} も応答しません。それでも試しますか？',
  'relaypw.otherRelayHost':
    '{account} の保存済みアプリパスワードは別のリレー先用のものです。{host} のためにもう一度入力してください。',

  // flow/ask/relay-options.ts: Google Workspace, IPv6
  'workspace.title': 'Google Workspace のアカウント',
  'workspace.explain':
    '{domain} は Google Workspace のドメインです。このドメインのアカウントも、普通の Gmail アカウントと同じく smtp.gmail.com 経由で送信できます。Workspace には独自のリレー {host} もあり、ドメイン全体のメールを受け付けますが、そのためには管理者が管理コンソール（アプリ → Google Workspace → Gmail → ルーティング → SMTP リレーサービス）でルールを追加し、「SMTP 認証を必須にする」と「TLS 暗号化を必須にする」をオンにして、許可する送信者をドメインのアドレスにしておく必要があります。',
  'workspace.question': 'Postfix はどのサーバー経由で送信しますか？',
  'workspace.keep': '{host}（すぐに使えます。管理者のルールは不要）',
  'workspace.switch': '{host}（Workspace の SMTP リレーサービス。管理コンソールのルールが必要）',
  'workspace.rule':
    '{host} は Google Workspace の SMTP リレーサービスです。管理者が管理コンソール（アプリ → Google Workspace → Gmail → ルーティング → SMTP リレーサービス）でルールを追加し、「SMTP 認証を必須にする」と「TLS 暗号化を必須にする」をオンにしていないと、Google はメールを受け付けません。',
  'ipv6.preferIpv4':
    'ここから {host} へは IPv6 では届きませんが（{address}: {code}）、IPv4 では届きます。Postfix は IPv4 を優先して使います（smtp_address_preference = ipv4）。ほかの IPv6 の通信はそのまま有効です。',

  // flow/ask/relay-options.ts: sender identity, root's mail
  'rootAlias.invalid':
    '「{input}」は、root 宛てのメールの届け先にできるアドレスでも、このマシンのユーザー名でもありません。',
  'rootAlias.fix':
    'アドレス（--root-alias you@example.com）か、ローカルのユーザー名（--root-alias alice）を指定してください。',
  'rootAlias.noFile':
    'root 宛てのメールの届け先を変えられません。alias_maps（{value}）に、ウィザードが編集してよいこの Postfix 自身のエイリアスファイルがありません。',
  'rootAlias.question': 'root 宛てのメール（cron の出力やシステムの警告）の届け先',
  'senders.title': '送信者アドレス',
  'senders.explain':
    'Gmail はすべてのメールを {account} として送信します。Gmail の設定で確認済みの「他のアドレスからメールを送信」のアドレスでない限り、ほかの From アドレスは置き換えられます。このマシンからのメール（root@{host}、cron、ほかのユーザー）も {account} として送れば、エラーメールや返信があなたに届きます（smtp_generic_maps）。',
  'senders.explainRoot':
    'root 宛てのメール（cron の出力やシステムの警告）も、誰も読まないローカルのメールボックスではなく、実際の受信箱に届けられます。',
  'senders.explainWorkspace':
    'Google Workspace のリレーはドメインの送信者しか受け付けないため、root@{host} からのメールは拒否されることがあります。このマシンからのメール（root、cron、ほかのユーザー）を {account} として送れます（smtp_generic_maps）。',
  'senders.question': 'このマシンのユーザー（root@{host}、cron）からのメール:',
  'senders.both': '{account} として送信し、root 宛てのメールも {account} に届ける（おすすめ）',
  'senders.mapOnly': '{account} として送信する（root 宛てのメールの届け先は今のまま）',
  'senders.other': '{account} として送信し、root 宛てのメールは別のアドレスに届ける…',
  'senders.none': '送信者アドレスも root 宛てのメールも今のままにする',
  'senders.mapQuestion': 'このマシンのユーザー（root@{host}、cron）からのメールを {account} として送信しますか？',
  'senders.foreignMap':
    'smtp_generic_maps には、ウィザードが書いたものではないマップ（{value}）が設定されているため、ローカルの送信者は書き換えません。そのマップにアドレスを追加してください。',

  // flow/ask/relay-options.ts: listening (mynetworks also in commands/status.ts)
  'loopback.explain':
    'Postfix はネットワークからの接続を受け付けています（inet_interfaces = {value}）。メールを送るだけのマシンに、開いたメールポートは要りません。',
  'loopback.needed': 'この設定は、ほかのマシンからメールを受け取っているようです: {reasons}。',
  'loopback.question': 'このマシンからのメールだけを受け付けますか（inet_interfaces = loopback-only）？',
  'mynetworks.open':
    'mynetworks の設定により、ほかのホストがこの Postfix を経由して、つまりあなたの Gmail アカウントでメールを送れます: {networks}。',
  'mynetworks.fix':
    'メールを送るのがこのマシンだけなら --loopback-only を付けてウィザードを実行するか、mynetworks を信頼できるホストだけに絞ってください（`postconf -e mynetworks=127.0.0.0/8`）。',
};
