// Who ran sudo: the keychain that matters is theirs (sudo-keychain.ts).
export interface SudoUser {
  name: string;
  uid: number;
  gid: number;
}

/** The person who ran sudo, from the variables sudo sets; never root itself. */
export function sudoUser(env: Readonly<Record<string, string | undefined>>): SudoUser | undefined {
  const name = env.SUDO_USER;
  const uid = Number(env.SUDO_UID);
  const gid = Number(env.SUDO_GID ?? env.SUDO_UID);
  if (!name || name === 'root' || !Number.isInteger(uid) || uid <= 0 || !Number.isInteger(gid) || gid < 0)
    return undefined;
  return { name, uid, gid };
}

/** Who may own what root reads on a person's word: root, this process, and whoever ran sudo. */
export function trustedOwners(): number[] {
  const sudo = sudoUser(process.env);
  return [0, process.getuid?.() ?? 0, ...(sudo ? [sudo.uid] : [])];
}

/** Groups whose members may read a secret file unwarned: root's, this process's, and that of whoever ran sudo. */
export function trustedGroups(): number[] {
  const sudo = sudoUser(process.env);
  return [0, process.getgid?.() ?? 0, ...(sudo ? [sudo.gid] : [])];
}
