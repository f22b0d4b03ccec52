/**
 * Issue 6's acceptance, as written: annotations made through the contract on the sample
 * corpus, exported as W3C Web Annotation JSON-LD, re-import into a fresh store (another
 * user-data folder) with every annotation anchored, bodies and spans unchanged.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { dispatch, type Api, type CallName } from '../../../../shared/api';
import type { Backend } from '../../../../main/backend';
import type { AnchoredAnnotation } from '../../../../shared/domain/annotation';
import { testBackend } from '../../../support/backend';

const dirs: string[] = [];
const backends: Backend[] = [];
afterEach(async () => {
  for (const b of backends.splice(0)) await b.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function call<T>(api: Api, name: CallName, args: unknown): Promise<T> {
  const envelope = await dispatch(api, name, args);
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value as T;
}

function freshUserData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reckon-w3c-'));
  dirs.push(dir);
  return dir;
}

it('re-imports its W3C export into a fresh store with every annotation anchored', async () => {
  const root = freshUserData();
  const folder = join(root, 'sample-corpus');
  cpSync(resolve('resources/sample-corpus'), folder, { recursive: true });

  const author = testBackend(freshUserData(), folder);
  backends.push(author);
  await call(author, 'openCorpus', { dir: folder });
  const spans: [string, string, string | null][] = [
    ['000_083e109e7a8c2a9d.txt', '40,000', 'mostly-accurate'],
    ['003_78519aec2665b739.txt', 'almost 75%', 'misleading'],
    ['003_78519aec2665b739.txt', '26,593', 'accurate'],
    ['002_131d7aa2d4a58d4a.txt', '19 percent', 'accurate'],
    ['004_deb5ea4405a2ed8d.txt', '27 Activists', 'inaccurate'],
    ['001_45ad8d4c2d59c9f0.txt', 'drug rehabilitation centres', null],
  ];
  for (const [id, find, verdict] of spans) {
    const { text } = await call<{ text: string }>(author, 'getArticle', { id });
    const start = text.indexOf(find);
    expect(start, `${find} in ${id}`).toBeGreaterThanOrEqual(0);
    await call(author, 'createAnnotation', { articleId: id, start, end: start + find.length, verdict, note: `note on ${find}`, tags: ['t'], evidence: [] });
  }
  const made = (await call<{ annotations: AnchoredAnnotation[] }>(author, 'listAnnotations', {})).annotations;
  const exported = await call<{ content: string; fileName: string }>(author, 'exportReport', { format: 'w3c', filter: {} });
  expect(exported.fileName).toMatch(/\.annotations\.jsonld$/);

  const reader = testBackend(freshUserData(), folder);
  backends.push(reader);
  await call(reader, 'openCorpus', { dir: folder });
  expect((await call<{ annotations: unknown[] }>(reader, 'listAnnotations', {})).annotations).toEqual([]);
  const result = await call(reader, 'importAnnotations', { fileName: exported.fileName, content: exported.content });
  expect(result).toEqual({ dialect: 'reckon', imported: 6, anchored: 6, moved: 0, changed: 0, orphaned: 0, skipped: [] });

  const imported = (await call<{ annotations: AnchoredAnnotation[] }>(reader, 'listAnnotations', {})).annotations;
  expect(imported.map((a) => a.anchor.state)).toEqual(Array(6).fill('anchored'));
  const key = (a: AnchoredAnnotation) => [a.id, a.anchor.start, a.anchor.end, a.verdict, a.note].join('|');
  expect(imported.map(key).sort()).toEqual(made.map(key).sort());
}, 60_000);
