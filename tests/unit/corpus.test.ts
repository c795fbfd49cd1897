import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toOriginalOffset } from '../../lib/corpus/offsets';
import { ROOT, seedBuild } from './seed-data';

const docs = () => seedBuild().kb.docs;
const raw = (file: string) => readFileSync(resolve(ROOT, 'seeds', file), 'utf8');
const allText = (id: string) =>
  docs()
    .find((d) => d.id === id)!
    .passages.map((p) => p.text)
    .join('\n');

describe('seeds', () => {
  it('keeps the five seed texts byte-identical to ../shared/seeds', () => {
    const shared = resolve(ROOT, '../shared/seeds');
    for (const d of docs()) expect(raw(d.provenance.file)).toBe(readFileSync(resolve(shared, d.provenance.file), 'utf8'));
    expect(docs()).toHaveLength(5);
  });

  it('attaches provenance to every document', () => {
    const byId = Object.fromEntries(docs().map((d) => [d.id, d.provenance]));
    expect(byId['000']).toMatchObject({ publisher: 'OC Media', date: '2024-10-22', kind: 'news' });
    expect(byId['003']).toMatchObject({ author: 'Omer Niazi', url: null, kind: 'analysis' });
    expect(byId['004']!.title).toBe('Armenia-Azerbaijan Peace Process: Quo Vadis?');
  });
});

describe('cleaning', () => {
  it('drops the press-service header and footer of 003', () => {
    const text = allText('003');
    for (const chrome of [
      'Questions?',
      'Trusted News Since 1995',
      '761,276,713 Articles',
      'Powered by EIN Presswire',
      'Legal Disclaimer',
      'Submit your press release',
      'Photo by KENZO',
    ]) {
      expect(text).not.toContain(chrome);
    }
    expect(text).toContain('Bleak political realities');
    expect(text).toContain('Omer Niazi is MEI');
  });

  it('drops the About-us and address blocks of 004', () => {
    const text = allText('004');
    for (const chrome of [
      'ABOUT US',
      'independent, nonprofit research think tank',
      'SUITE 380',
      'INFO@CASPIANPOLICY.ORG',
      '202.864.6958',
    ]) {
      expect(text).not.toContain(chrome);
    }
    expect(text).toContain('While offering a platform');
  });

  it('turns markdown link residue into plain words', () => {
    const text = allText('004');
    expect(text).not.toMatch(/\]\(#\)/);
    expect(text).toContain('Ministers of Foreign Affairs held their first publicly announced telephone call');
    expect(text).toContain('did not achieve any “breakthrough”');
  });

  it('joins a paragraph broken by a stray blank line', () => {
    const p = docs()
      .find((d) => d.id === '001')!
      .passages.find((x) => x.text.startsWith('Potentially adding'))!;
    expect(p.text).toContain('officials from across the world, which will take place');
  });

  it('maps every cleaned character that came from the file back to the same character', () => {
    for (const d of docs()) {
      const original = raw(d.provenance.file);
      for (const p of d.passages) {
        for (let i = 0; i < p.text.length; i++) {
          const ch = p.text[i]!;
          if (ch === ' ') continue;
          expect(original[toOriginalOffset(p.runs, i)], `${p.id}[${i}]`).toBe(ch);
        }
        expect(p.origStart).toBeLessThan(p.origEnd);
      }
    }
  });

  it('records note markers instead of leaving them in the text', () => {
    const p = docs()
      .find((d) => d.id === '003')!
      .passages.find((x) => x.text.includes('closely monitoring'))!;
    expect(p.text).toContain('according to a senior Azerbaijani policy expert. By insisting');
    expect(p.noteRefs.map((n) => n.note)).toEqual([2]);
    // "7.5 kilometers" is a number, not a note marker.
    expect(allText('004')).toContain('7.5 kilometers');
  });
});

describe('passages', () => {
  it('gives stable ids: document id plus ordinal', () => {
    for (const d of docs()) d.passages.forEach((p, i) => expect(p.id).toBe(`${d.id}-p${i + 1}`));
    expect(docs().find((d) => d.id === '000')!.passages[11]!.text).toMatch(/^Bayramov also claimed/);
  });

  it('splits sentences with offsets, not after initials like "U.S."', () => {
    const p = docs()
      .find((d) => d.id === '004')!
      .passages.find((x) => x.text.startsWith('The United States has played'))!;
    const sentences = p.sentences.map((s) => p.text.slice(s.start, s.end));
    expect(sentences[1]).toMatch(/^Despite Russia's and Türkiye's/);
    expect(sentences.some((s) => s.startsWith('On August 24, U.S. Secretary of State Anthony Blinken appointed'))).toBe(true);
    for (const s of p.sentences) expect(s.end).toBeGreaterThan(s.start);
  });

  it('classifies titles, headings and notes', () => {
    const d3 = docs().find((d) => d.id === '003')!;
    expect(d3.passages[0]!.kind).toBe('title');
    expect(d3.passages.find((p) => p.text === 'The Zangezur corridor')!.kind).toBe('heading');
    expect(d3.notes[2]).toBe('A.A., Azerbaijani policy expert at a Baku-based think tank, Baku, June 2024.');
  });
});
