import { describe, expect, it } from 'vitest';
import { leftoversIn, leftoverStrings } from '../../lib/build/strings';

const root = new URL('../..', import.meta.url).pathname;

describe('interface strings left in code (issue 17)', () => {
  it('are none: every word the components and pages show comes from the locale files', () => {
    expect(leftoversIn(root)).toEqual([]);
  });

  it('are found in JSX text, shown attributes, JSX expressions and prose in state', () => {
    const source = `
      export function Page({ n, name }: { n: number; name: string }) {
        const [status, setStatus] = useState('');
        const save = () => setStatus(\`Saved “\${name}”.\`);
        const error = 'The page states no date.';
        return (
          <main aria-label="Import" class="drop dragging">
            <h1>My library</h1>
            <input placeholder="Search…" title={\`\${name}: search everything\`} />
            <button onClick={save}>{n === 1 ? 'document' : 'documents'}</button>
            <img alt="" />
            <p>{t('myLibrary')} · Backstory · {n}</p>
          </main>
        );
      }`;
    expect(leftoverStrings('x.tsx', source).map((l) => [l.line, l.text, l.rule])).toEqual([
      [4, 'Saved “ ”.', 'prose'],
      [5, 'The page states no date.', 'prose'],
      [7, 'Import', 'attribute'],
      [8, 'My library', 'jsx-text'],
      [9, 'Search…', 'attribute'],
      [9, ': search everything', 'attribute'],
      [10, 'document', 'jsx-expression'],
      [10, 'documents', 'jsx-expression'],
    ]);
  });

  it('let translated text, class names, keys, symbols and the brand name through', () => {
    const source = `
      const Tag = kind === 'heading' ? 'h2' : 'p';
      export const A = ({ tr }) => (
        <p class="note small" data-testid="drop" title={tr.t('cardPinTitle')}>
          {tr.t('myLibrary')} · <strong>Backstory</strong> ({tr.number(3)}) {' · '} {ok ? 'ok' === x : null}
        </p>
      );`;
    expect(leftoverStrings('a.tsx', source)).toEqual([]);
  });
});
