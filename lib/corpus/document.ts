import { cleanDocument } from './clean';
import { docIdForFile } from './provenance';
import { splitSentences } from './sentences';
import type { CorpusDoc, Passage, Provenance } from './types';

/** Turns one seed file and its provenance into a cleaned document with passages and sentences. */
export function buildDocument(raw: string, provenance: Provenance, where: string, id = docIdForFile(provenance.file)): CorpusDoc {
  const blocks = cleanDocument(raw, provenance.chrome ?? [], where);
  const notes: Record<number, string> = {};
  const passages: Passage[] = blocks.map((block, index) => {
    if (block.kind === 'note' && block.noteNumber !== undefined) {
      notes[block.noteNumber] = block.text.replace(/^\d{1,2}\s+/, '');
    }
    return {
      id: `${id}-p${index + 1}`,
      doc: id,
      ordinal: index + 1,
      kind: block.kind,
      text: block.text,
      origStart: block.origStart,
      origEnd: block.origEnd,
      line: block.line,
      runs: block.runs,
      sentences: block.kind === 'paragraph' ? splitSentences(block.text) : [{ start: 0, end: block.text.length }],
      noteRefs: block.noteRefs,
      ...(block.noteNumber !== undefined ? { noteNumber: block.noteNumber } : {}),
    };
  });
  return { id, provenance, passages, notes };
}
