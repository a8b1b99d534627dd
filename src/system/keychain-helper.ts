// Run by sudo-keychain.ts as the person who ran sudo, on their session bus:
// one JSON request on stdin (a password to store comes this way), one JSON
// answer on stdout (a password read comes back this way). Never argv or env.
// The only argument is the absolute path of the keyring binding that root
// chose; without it the answer is module-missing. Nothing is ever resolved
// (no node_modules lookup), so nothing another user planted can be loaded.
import { createOwnKeychain } from './keychain.js';
import { classifyKeychainError, type KeychainReason } from './keychain-errors.js';
import { loadKeyringAt } from './keyring-binding.js';
import type { HelperRequest, HelperResponse } from './sudo-keychain.js';

async function answer(request: HelperRequest): Promise<HelperResponse> {
  const binding = process.argv[2];
  const keychain = createOwnKeychain(process.env, async () => (binding ? loadKeyringAt(binding) : undefined));
  switch (request.op) {
    case 'probe':
      return { ok: true, reason: (await keychain.unavailableReason()) as KeychainReason | undefined };
    case 'get':
      return { ok: true, password: (await keychain.get(request.account)) ?? null };
    case 'set':
      await keychain.set(request.account, request.password);
      return { ok: true };
    case 'remove':
      return { ok: true, removed: await keychain.remove(request.account) };
    case 'accounts':
      return { ok: true, accounts: await keychain.accounts() };
  }
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  let response: HelperResponse;
  try {
    response = await answer(JSON.parse(Buffer.concat(chunks).toString('utf8')) as HelperRequest);
  } catch (error) {
    response = {
      ok: false,
      reason: classifyKeychainError(error),
      message: String((error as Error)?.message ?? error).slice(0, 300),
    };
  }
  process.stdout.write(JSON.stringify(response));
}

await main();
