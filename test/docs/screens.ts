// npm run screens: capture the real interactive wizard in tmux (test/support/screens.ts)
// and write the screens to docs/screens/*.txt and into README.md between its markers.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { repoPath } from '../support/paths.js';
import { captureScreens, scripts } from '../support/screens.js';

await mkdir(repoPath('docs', 'screens'), { recursive: true });
const screens = await captureScreens();
for (const [name, screen] of Object.entries(screens)) {
  await writeFile(repoPath('docs', 'screens', `setup.${name}.txt`), `${screen}\n`);
  console.log(`docs/screens/setup.${name}.txt: ${screen.split('\n').length} lines`);
}
await embedInReadme();
/** Put each screen into README.md between its markers, so the README shows what the code shows. */
async function embedInReadme(): Promise<void> {
  let readme = await readFile(repoPath('README.md'), 'utf8');
  for (const name of Object.keys(scripts)) {
    const screen = await readFile(repoPath('docs', 'screens', `setup.${name}.txt`), 'utf8');
    const start = `<!-- screen:${name} -->`;
    const end = `<!-- /screen:${name} -->`;
    const from = readme.indexOf(start);
    const to = readme.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${start} … ${end}`);
    readme = `${readme.slice(0, from + start.length)}\n\n\`\`\`text\n${screen}\`\`\`\n\n${readme.slice(to)}`;
  }
  await writeFile(repoPath('README.md'), readme);
}
