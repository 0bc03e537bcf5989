/**
 * `npm run extract -- [--format json|text|html] [--url URL] FILE…`: the article of each HTML file, as
 * Lectern's pipeline extracts it under jsdom. json prints one object per line, in the order of the files;
 * a file without an article gives {"file", "error": "no article"} and the run goes on.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../src/extract/pipeline';
import { detectArticle } from '../src/extract/detect';

type Format = 'json' | 'text' | 'html';

function usage(message?: string): never {
  if (message) console.error(message);
  console.error('usage: npm run extract -- [--format json|text|html] [--url URL] FILE…');
  process.exit(2);
}

function parseArgs(argv: string[]): { format: Format; url?: string; files: string[] } {
  let format: Format = 'json';
  let url: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? a.split(/=(.*)/s, 2) : [a, undefined];
    if (flag === '--format') {
      const v = inline ?? argv[++i];
      if (v !== 'json' && v !== 'text' && v !== 'html') usage(`unknown format: ${v}`);
      format = v;
    } else if (flag === '--url') {
      url = inline ?? argv[++i];
      if (!url) usage('--url needs a URL');
    } else if (flag === '--help' || flag === '-h') usage();
    else if (a.startsWith('--')) usage(`unknown option: ${a}`);
    else files.push(a);
  }
  if (!files.length) usage('no FILE given');
  return { format, url, files };
}

function serialise(fragment: DocumentFragment): string {
  const doc = fragment.ownerDocument;
  const div = doc.createElement('div');
  div.appendChild(doc.importNode(fragment, true));
  return div.innerHTML;
}

function main(): void {
  const { format, url, files } = parseArgs(process.argv.slice(2));
  let failures = 0;
  for (const file of files) {
    const path = resolve(file);
    const pageUrl = url ?? pathToFileURL(path).href;
    let html: string;
    try {
      html = readFileSync(path, 'utf8');
    } catch (error) {
      failures++;
      const message = error instanceof Error ? error.message : String(error);
      if (format === 'json') console.log(JSON.stringify({ file, error: message }));
      else console.error(`${file}: ${message}`);
      continue;
    }
    const dom = new JSDOM(html, { url: pageUrl, virtualConsole: new VirtualConsole() });
    const detection = detectArticle(dom.window.document, pageUrl);
    const result = extractArticle(dom.window.document, { url: pageUrl });
    if (!result.ok) {
      failures++;
      const error = result.reason === 'no-article' ? 'no article' : result.message;
      if (format === 'json') console.log(JSON.stringify({ file, error }));
      else console.error(`${file}: ${error}`);
      dom.window.close();
      continue;
    }
    const a = result.article;
    if (format === 'json') {
      console.log(
        JSON.stringify({
          file,
          title: a.title,
          byline: a.byline,
          published: a.published,
          siteName: a.siteName,
          lang: a.lang,
          dir: a.dir,
          excerpt: a.excerpt,
          detected: detection.isArticle,
          textLength: a.textLength,
          readingMinutes: a.readingMinutes,
          removed: a.removed,
          text: a.text,
          html: serialise(a.content),
        }),
      );
    } else if (format === 'text') {
      if (files.length > 1) console.log(`==> ${file} <==`);
      console.log(`${a.title}\n\n${a.text}\n`);
    } else {
      console.log(serialise(a.content));
    }
    dom.window.close();
  }
  if (failures === files.length) process.exitCode = 1;
}

main();
