// Passwords written into main.cf itself: `smtp_sasl_password_maps = static:user:password` (or an
// inline:{ key=user:password } table) is valid Postfix, and puts the password in a value the wizard
// reads, saves and shows. Such a value is never printed whole (the password part masked) and never
// copied into a file others can read.

const masked = '********';

/** The parameters whose tables hold SASL passwords (smtp_, lmtp_ …). */
export function isPasswordMapParameter(name: string): boolean {
  return /_sasl_password_maps$/.test(name);
}

// static:VALUE or static:{VALUE}; inline:{ … }: the table types whose data is the value itself.
const inlineTable = /\b(static|inline):(\{[^}]*\}?|[^\s,]+)/g;

/** The value holds a password in main.cf itself (a static: or inline: table of a password map parameter). */
export function holdsInlineSecret(name: string, value: string | undefined): boolean {
  return value !== undefined && isPasswordMapParameter(name) && new RegExp(inlineTable.source).test(value);
}

/** The value to show: a password map's static:user:password → static:user:********, inline:{…} → inline:{********}. */
export function maskInlineSecrets(name: string, value: string): string {
  if (!isPasswordMapParameter(name)) return value;
  return value.replace(inlineTable, (_all, type: string, data: string) => {
    if (type === 'inline') return `inline:{${masked}}`;
    const inner = data.startsWith('{') ? data.slice(1).replace(/\}$/, '') : data;
    const user = inner.includes(':') ? `${inner.slice(0, inner.indexOf(':'))}:` : '';
    return data.startsWith('{') ? `static:{${user}${masked}}` : `static:${user}${masked}`;
  });
}

/** Free text (doctor's evidence) with every `…_sasl_password_maps = VALUE` in it masked. */
export function maskInlineSecretsInText(text: string): string {
  return text.replace(
    // The value with its continuation lines (main.cf: a line starting with white space goes on).
    /\b(\w+_sasl_password_maps)([ \t]*=[ \t]*)([^\n]*(?:\n[ \t]+[^\n]*)*)/g,
    (_all, name: string, eq: string, value: string) => `${name}${eq}${maskInlineSecrets(name, value)}`,
  );
}
