import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Reader } from '../../components/Reader';
import type { KnowledgeBase } from '../../lib/kb/types-kb';
import './style.css';

const passageId = decodeURIComponent(location.hash.slice(1)) || null;
const kb = (await (await fetch(browser.runtime.getURL('/data/kb.json'))).json()) as KnowledgeBase;
const doc = kb.docs.find((d) => d.passages.some((p) => p.id === passageId)) ?? kb.docs[0]!;
document.title = `${doc.provenance.title} — Backstory reader`;
render(
  <Reader doc={doc} passageId={passageId} statements={kb.statements.filter((s) => s.doc === doc.id)} />,
  document.getElementById('app')!,
);
