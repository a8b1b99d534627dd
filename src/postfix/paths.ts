// A path the wizard writes into main.cf (smtp_tls_CAfile, or a map inside the
// configuration directory) is read by Postfix, not by a shell or the wizard:
// `$name` and `${name}` are expanded (postconf(5)), a comma or white space
// splits a list such as smtp_sasl_password_maps, `{` `}` group list elements,
// and a relative path is taken from Postfix's own working directory (the queue
// directory). Such a path would mean something else there: refuse it.

export type PathProblem = 'relative' | 'control' | 'whitespace' | 'comma' | 'dollar' | 'brace';

/** Why Postfix would not read `path` literally, or undefined when it would. */
export function literalPathProblem(path: string): PathProblem | undefined {
  if (!path.startsWith('/')) return 'relative';
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'control';
  if (/\s/.test(path)) return 'whitespace';
  if (path.includes(',')) return 'comma';
  if (path.includes('$')) return 'dollar';
  if (/[{}]/.test(path)) return 'brace';
  return undefined;
}
