// The short pages the browser shows after OAuth's redirect reaches the wizard's loopback listener
// (system/loopback-listener.ts): in the run's language, static text only (nothing from the request
// is echoed back), so nothing a forged request sends can end up in a page.
import type { LoopbackPages } from '../system/loopback-listener.js';
import { t } from './messages.js';

const html = (body: string) =>
  `<!doctype html>\n<html><head><meta charset="utf-8"><title>${t('consent.page.title')}</title></head>` +
  `<body style="font-family:sans-serif;margin:3em"><p>${body}</p></body></html>\n`;

export function consentPages(): LoopbackPages {
  return {
    taken: html(t('consent.page.taken')),
    refused: html(t('consent.page.refused')),
    ignored: html(t('consent.page.ignored')),
  };
}
