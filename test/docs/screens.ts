// npm run screens: capture the real interactive wizard in tmux (test/support/screens.ts)
// and write the screens to docs/screens/*.txt and into README.md between its markers.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { repoPath } from '../support/paths.js';
import { captureScreens, scripts } from '../support/screens.js';

/** Where each screen is shown: English in the README, Japanese in docs/usage-and-options.md. */
const shownIn: Record<keyof typeof scripts, string[]> = {
  en: ['README.md'],
  ja: ['docs', 'usage-and-options.md'],
};

await mkdir(repoPath('docs', 'screens'), { recursive: true });
const screens = await captureScreens();
for (const [name, screen] of Object.entries(screens)) {
  await writeFile(repoPath('docs', 'screens', `setup.${name}.txt`), `${screen}\n`);
  console.log(`docs/screens/setup.${name}.txt: ${screen.split('\n').length} lines`);
}
await embedInDocs();
/** Put each screen into its page between its markers, so the docs show what the code shows. */
async function embedInDocs(): Promise<void> {
  for (const name of Object.keys(scripts) as (keyof typeof scripts)[]) {
    const page = repoPath(...shownIn[name]);
    let readme = await readFile(page, 'utf8');
    const screen = await readFile(repoPath('docs', 'screens', `setup.${name}.txt`), 'utf8');
    const start = `<!-- screen:${name} -->`;
    const end = `<!-- /screen:${name} -->`;
    const from = readme.indexOf(start);
    const to = readme.indexOf(end);
    if (from < 0 || to < from) throw new Error(`${page} lacks the markers ${start} … ${end}`);
    readme = `${readme.slice(0, from + start.length)}\n\n\`\`\`text\n${screen}\`\`\`\n\n${readme.slice(to)}`;
    await writeFile(page, readme);
  }
}
