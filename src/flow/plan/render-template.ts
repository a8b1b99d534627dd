// Renders one of templates/ with ejs, which is loaded on the first rendering, not imported: in
// the one-file bundle that ships (scripts/bundle.ts) a static import would be hoisted to its
// top and load ejs on every start, --help too. The plan stays synchronous: require() is.
import { createRequire } from 'node:module';

type Ejs = typeof import('ejs');
let ejs: Ejs | undefined;

export function renderTemplate(template: string, data: Record<string, unknown>): string {
  ejs ??= createRequire(import.meta.url)('ejs') as Ejs;
  return ejs.render(template, data);
}
