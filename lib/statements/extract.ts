import type { CorpusDoc, Passage, Sentence } from '../corpus/types';
import type { Mention } from '../match/types';
import { findStatedDate } from './dates';
import { findQuotes, quoteWords, type QuoteSpan } from './quotes';
import type { QuotedTerm, Speaker, Statement } from './types';

/** What the extractor needs to know about entities: their kind and display name. */
export interface EntityInfo {
  kind: string;
  name: string;
}

/** Inputs for one document: its entity mentions per passage (offsets into passage text). */
export interface ExtractInput {
  doc: CorpusDoc;
  mentions: Map<string, Mention[]>;
  entities: Map<string, EntityInfo>;
}

const SPEECH_VERBS =
  'made it clear|said|says|saying|added|adds|stated|states|stating|claimed|claims|claiming|reiterated|reiterates|warned|warns|warning|announced|announces|insisted|insists|insist|affirmed|affirming|reaffirmed|re-affirming|reaffirming|asserted|asserts|argued|argues|noted|told|wrote|writes|reported|declared|explained|stressed|doubted';
const VERB_RE = new RegExp(`\\b(${SPEECH_VERBS})\\b`, 'g');
const PRONOUNS = /^(he|she|they|him|her)$/i;
const PASSIVE_BEFORE = /\b(was|were|been|be|is|are)\s+(\w+ly\s+|then\s+)?$/i;
const SPEAKER_KIND_ORDER = ['person', 'organisation', 'document', 'agreement', 'country', 'place', 'route', 'event'];
/** A person mention is a sentence subject when a verb follows it (optionally after an appositive). */
const SUBJECT_AFTER =
  /^(?:,\s+(?:the|an?|who|whose|[A-Z][\w’']*)\b[^,]{0,120},)?,?\s+(?:(?:also|then|further|separately|again|repeatedly|has|have|had|is|was|will|would|previously)\s+)*(?!to\b|and\b|or\b|of\b|in\b|on\b|at\b|for\b|with\b|the\b|a\b)[a-z][a-z-]*(?:ed|s|id|ote|old|et|ent|ade|ook|ew|an|ld)\b/;

interface SentenceRef {
  passage: Passage;
  passageIndex: number;
  sentence: Sentence;
  sentenceIndex: number;
}

/** Extracts every direct quotation and reported statement from one document, and its quoted terms. */
export function extractStatements(input: ExtractInput): { statements: Statement[]; terms: QuotedTerm[] } {
  const { doc } = input;
  const statements: Statement[] = [];
  const terms: QuotedTerm[] = [];
  /** Speaker of the statements in each sentence, for pronouns that point back. */
  const sentenceSpeakers = new Map<string, Speaker>();
  const sentences: SentenceRef[] = [];
  doc.passages.forEach((passage, passageIndex) =>
    passage.sentences.forEach((sentence, sentenceIndex) => sentences.push({ passage, passageIndex, sentence, sentenceIndex })),
  );
  const key = (s: SentenceRef) => `${s.passage.id}#${s.sentenceIndex}`;
  const sentenceAt = (passage: Passage, offset: number) =>
    sentences.find((s) => s.passage === passage && offset >= s.sentence.start && offset < Math.max(s.sentence.end, s.sentence.start + 1)) ??
    sentences.filter((s) => s.passage === passage).at(-1)!;
  const ctx: Ctx = { input, sentences, sentenceSpeakers, key };

  for (const passage of doc.passages) {
    const quotes = findQuotes(passage.text);
    let counter = 0;
    const nextId = () => `${passage.id}-s${++counter}`;
    let previous: { statement: Statement; quote: QuoteSpan } | null = null;
    const quotedSentences = new Set<number>();
    for (const quote of quotes) {
      const inner = passage.text.slice(quote.open + 1, quote.close);
      const words = quoteWords(inner);
      const before = passage.text.slice(0, quote.open);
      const termReason: QuotedTerm['reason'] | null =
        passage.kind !== 'paragraph'
          ? 'heading'
          : /\b(called|dubbed|known as|referred to as|so-called|termed)\s*\(?\s*$/i.test(before) && words.length <= 4
            ? 'name'
            : words.length <= 2
              ? 'scare-quote'
              : null;
      if (termReason) {
        terms.push({ passage: passage.id, start: quote.open + 1, end: quote.close, text: inner, reason: termReason });
        continue;
      }
      const sref = sentenceAt(passage, quote.open);
      quotedSentences.add(sref.sentenceIndex);
      // The second half of a split quote: “…,” she said, cannot be “…”.
      if (previous && previous.statement.passage === passage.id) {
        const between = passage.text.slice(previous.quote.close + 1, quote.open);
        if (new RegExp(`^[,.]?\\s*(he|she|they|[A-Z][\\w’'-]+)\\s+(${SPEECH_VERBS})\\b,?\\s+[a-z][^“”"‘.]{0,40}$`).test(between)) {
          const s: Statement = previous.statement;
          s.text = `${s.text} … ${cleanQuoteText(inner)}`;
          s.end = quote.close + 1;
          previous = { statement: s, quote };
          continue;
        }
      }
      const attribution = attributeQuote(
        ctx,
        passage,
        sref,
        quote,
        previous,
        quotes.find((q) => q.open > quote.close),
      );
      const statement: Statement = {
        id: nextId(),
        kind: 'direct',
        speaker: attribution.speaker,
        text: cleanQuoteText(inner),
        doc: doc.id,
        passage: passage.id,
        start: quote.open,
        end: quote.close + 1,
        docDate: doc.provenance.date,
        confidence: attribution.confidence,
        ...datesFor(passage, sref, doc.provenance.date, sentences),
      };
      statements.push(statement);
      sentenceSpeakers.set(key(sref), statement.speaker);
      previous = { statement, quote };
    }
    if (passage.kind !== 'paragraph') continue;
    passage.sentences.forEach((sentence, sentenceIndex) => {
      if (quotedSentences.has(sentenceIndex)) return;
      const sref = sentences.find((s) => s.passage === passage && s.sentenceIndex === sentenceIndex)!;
      const reported = findReported(ctx, sref);
      if (!reported) return;
      const statement: Statement = {
        id: nextId(),
        kind: 'reported',
        speaker: reported.speaker,
        text: reported.text,
        doc: doc.id,
        passage: passage.id,
        start: sentence.start,
        end: sentence.end,
        docDate: doc.provenance.date,
        confidence: reported.confidence,
        ...datesFor(passage, sref, doc.provenance.date, sentences),
      };
      statements.push(statement);
      sentenceSpeakers.set(key(sref), statement.speaker);
    });
  }
  // A speaker's role, when the quoting sentence gives none, is the one the document gave at an earlier mention.
  for (const statement of statements) {
    if (!statement.speaker.id || statement.speaker.role) continue;
    const role = firstRoleInDoc(ctx, statement.speaker.id);
    if (role) statement.speaker = { ...statement.speaker, role };
  }
  statements.sort((a, b) => a.passage.localeCompare(b.passage, 'en', { numeric: true }) || a.start - b.start);
  return { statements, terms };
}

interface Ctx {
  input: ExtractInput;
  sentences: SentenceRef[];
  sentenceSpeakers: Map<string, Speaker>;
  key: (s: SentenceRef) => string;
}

function firstRoleInDoc(ctx: Ctx, entityId: string): string | undefined {
  for (const s of ctx.sentences) {
    for (const m of mentionsIn(ctx, s.passage, s.sentence.start, s.sentence.end)) {
      if (m.entity !== entityId) continue;
      const role = roleAround(s.passage.text, m, s.sentence.start, s.sentence.end);
      if (role) return role;
    }
  }
  return undefined;
}

function cleanQuoteText(inner: string): string {
  return inner.trim().replace(/[,]$/, '');
}

function datesFor(passage: Passage, sref: SentenceRef, docDate: string, sentences: SentenceRef[]) {
  const own = passage.text.slice(sref.sentence.start, sref.sentence.end);
  let found = findStatedDate(own, docDate);
  if (!found && sref.sentenceIndex > 0) {
    const prev = sentences.find((s) => s.passage === passage && s.sentenceIndex === sref.sentenceIndex - 1)!;
    found = findStatedDate(passage.text.slice(prev.sentence.start, prev.sentence.end), docDate);
  }
  return found ?? {};
}

/** Entity mentions in a passage between two offsets. */
function mentionsIn(ctx: Ctx, passage: Passage, from: number, to: number): Mention[] {
  return (ctx.input.mentions.get(passage.id) ?? []).filter((m) => m.start >= from && m.end <= to);
}

/** Picks the entity a speaker phrase names: a person first, then an organisation, and so on. */
function speakerFromPhrase(ctx: Ctx, passage: Passage, from: number, to: number, last = true): Speaker | null {
  const found = mentionsIn(ctx, passage, from, to);
  const kindOf = (m: Mention) => ctx.input.entities.get(m.entity)?.kind ?? '';
  // A person is the likeliest speaker; otherwise the nearest (or first) organisation, country, place or document.
  for (const group of [['person'], SPEAKER_KIND_ORDER.filter((k) => k !== 'person' && k !== 'event')]) {
    const ofKind = found.filter((m) => group.includes(kindOf(m)));
    const pick = last ? ofKind.at(-1) : ofKind[0];
    if (pick) {
      const role = roleAround(passage.text, pick, from, to);
      return { id: pick.entity, name: ctx.input.entities.get(pick.entity)!.name, ...(role ? { role } : {}) };
    }
  }
  return null;
}

/** The role a text gives a speaker: words before the name ("Azerbaijani analyst") or an appositive after it. */
function roleAround(text: string, m: Mention, from: number, to: number): string | undefined {
  const after = /^,\s+((?:the|an?)\s+[^,.]{3,80}?)(?:,|\.|$)/.exec(text.slice(m.end, Math.max(to, m.end + 90)));
  if (after && !/\b(said|has|have|had|is|was)\b/.test(after[1]!)) return after[1]!.trim();
  const beforeText = text.slice(from, m.start);
  const apposBefore =
    /(?:^|[,;]\s+|\b(?:by|with|and|while|as|of)\s+)((?:[A-Z][\w’'-]*\s+)?(?:[a-z][\w’'-]*\s+){0,6}?(?:in\s+[A-Z][\w]+\s*)?),\s*$/.exec(
      beforeText,
    );
  if (
    apposBefore &&
    /\b(ambassador|minister|president|analyst|adviser|advisor|secretary|senator|spokesperson|chairman|director|leader|official|expert|envoy)\b/i.test(
      apposBefore[1]!,
    )
  )
    return apposBefore[1]!.trim();
  const before = /((?:[A-Z][\w’'.-]*\s+|[a-z][\w’'-]*\s+){1,6})$/.exec(beforeText);
  if (before) {
    const words = before[1]!.trim().split(/\s+/);
    // Keep the title-like words directly before the name ("US Secretary of State", "Azerbaijani analyst").
    const titleStart = words.findIndex((w) =>
      /^(US|U\.S\.|Azerbaijani|Armenian|Russian|Turkish|French|Iranian|Georgian|American|Senator|President|Prime|Foreign|Secretary|Deputy|Ambassador|analyst|Minister|Supreme|Senior|National)$/i.test(
        w,
      ),
    );
    if (titleStart >= 0) {
      const role = words
        .slice(titleStart)
        .join(' ')
        .replace(/^(the|a|an)\s+/i, '');
      if (role.length > 2) return role;
    }
  }
  return undefined;
}

/** The sentence subject when it is a known entity: a person followed by a verb, else the first entity before a verb. */
function sentenceSubject(ctx: Ctx, sref: SentenceRef, upTo?: number): Speaker | null {
  const { passage, sentence } = sref;
  const end = upTo ?? sentence.end;
  for (const m of mentionsIn(ctx, passage, sentence.start, end)) {
    const info = ctx.input.entities.get(m.entity);
    if (!info || (info.kind !== 'person' && info.kind !== 'organisation')) continue;
    if (SUBJECT_AFTER.test(passage.text.slice(m.end, sentence.end))) {
      const role = roleAround(passage.text, m, sentence.start, sentence.end);
      return { id: m.entity, name: info.name, ...(role ? { role } : {}) };
    }
  }
  return null;
}

/** Resolves he/she/they: the subject earlier in the same sentence, else the last speaker or subject before. */
function resolvePronoun(ctx: Ctx, sref: SentenceRef, offset: number): Speaker | null {
  const same = sentenceSubject(ctx, sref, offset);
  if (same) return same;
  const index = ctx.sentences.indexOf(sref);
  for (let i = index - 1; i >= Math.max(0, index - 4); i--) {
    const s = ctx.sentences[i]!;
    if (s.passage.kind !== 'paragraph') continue;
    const spoke = ctx.sentenceSpeakers.get(ctx.key(s));
    if (spoke?.id && ctx.input.entities.get(spoke.id)?.kind === 'person') return spoke;
    const subject = sentenceSubject(ctx, s);
    if (subject) return subject;
  }
  return null;
}

/** Resolves "this text", "the declaration": the nearest earlier phrase with that head noun. */
function resolveDescription(ctx: Ctx, sref: SentenceRef, phrase: string): Speaker | null {
  const head = /\b(this|the)\s+(?:\w+\s+)?(text|document|statement|declaration|strategy|agreement)\b/i.exec(phrase);
  if (!head) return null;
  const noun = head[2]!.toLowerCase();
  const nouns = noun === 'text' || noun === 'document' ? 'statement|declaration|document' : noun;
  const index = ctx.sentences.indexOf(sref);
  for (let i = index; i >= Math.max(0, index - 6); i--) {
    const s = ctx.sentences[i]!;
    const text = s.passage.text.slice(s.sentence.start, i === index ? phrase.length + s.sentence.start : s.sentence.end);
    const re = new RegExp(`\\b(?:an?|the)\\s+((?:[\\w-]+\\s+){0,4}?(?:${nouns})(?:\\s+of\\s+independence)?)\\b`, 'gi');
    const all = [...text.matchAll(re)].filter(
      (m) => i !== index || m.index! + s.sentence.start < s.sentence.start + phrase.length - head[0].length,
    );
    const last = all.at(-1);
    if (!last) continue;
    const from = s.sentence.start + last.index!;
    const entity = speakerFromPhrase(ctx, s.passage, from, from + last[0].length);
    if (entity) return entity;
    if (i !== index) return { name: last[1]!.replace(/^(this|that)\s+/i, '') };
  }
  return null;
}

/** Turns a speaker phrase into a speaker: an entity, a pronoun's referent, a described document, or the words. */
function speakerFromText(ctx: Ctx, sref: SentenceRef, from: number, to: number): { speaker: Speaker; confidence: number } | null {
  const { passage } = sref;
  const phrase = passage.text
    .slice(from, to)
    .trim()
    .replace(/^(and|while|but|as|when)\b\s*/i, '')
    .replace(/\s+(also|further|then|again|has|have|had|separately)$/i, '')
    .trim();
  if (!phrase) return null;
  const lastWord = phrase.split(/\s+/).at(-1)!;
  if (PRONOUNS.test(lastWord)) {
    const resolved = resolvePronoun(ctx, sref, to);
    return resolved ? { speaker: resolved, confidence: 0.85 } : null;
  }
  if (/^which$/i.test(phrase)) {
    // "…the latest U.S. National Security Strategy released in October 22, which asserts"
    const antecedent = /\bthe\s+(?:latest\s+|new\s+)?((?:[A-Z][\w.]*\s*)+)/.exec(passage.text.slice(sref.sentence.start, from));
    if (antecedent) return { speaker: { name: antecedent[1]!.trim() }, confidence: 0.7 };
  }
  const described = /^(this|the)\s/i.test(phrase) ? resolveDescription(ctx, sref, passage.text.slice(sref.sentence.start, to)) : null;
  if (described) return { speaker: described, confidence: 0.7 };
  const entity = speakerFromPhrase(ctx, passage, from, to);
  if (entity) return { speaker: entity, confidence: 0.95 };
  if (phrase.split(/\s+/).length <= 8)
    return { speaker: { name: phrase.replace(/^(the|a|an)\s+/i, (m) => m.toLowerCase()) }, confidence: 0.75 };
  return null;
}

function noteSpeaker(ctx: Ctx, passage: Passage, offset: number): Speaker | null {
  const ref = passage.noteRefs.find((n) => n.offset >= offset && n.offset <= offset + 2);
  if (!ref) return null;
  const note = ctx.input.doc.notes[ref.note];
  if (!note) return null;
  const m = /^((?:[A-Z]\.){2,})\s*,?\s*(.*?)(?:,\s*[A-Z][a-z]+,\s*\w+\s+\d{4}\.?)?$/.exec(note);
  const role = (m ? m[2]! : note.replace(/,\s*[A-Z][a-z]+,\s*\w+\s+\d{4}\.?$/, '')).replace(/,\s*[A-Z][a-z]+$/, '').trim();
  return { name: m ? m[1]! : role, role, note: ref.note };
}

/** Attributes one direct quotation. */
function attributeQuote(
  ctx: Ctx,
  passage: Passage,
  sref: SentenceRef,
  quote: QuoteSpan,
  previous: { statement: Statement; quote: QuoteSpan } | null,
  nextQuote: QuoteSpan | undefined,
): { speaker: Speaker; confidence: number } {
  const text = passage.text;
  const closing = ctx.sentences.find((s) => s.passage === passage && quote.close >= s.sentence.start && quote.close < s.sentence.end);
  const sentenceEnd = Math.max(closing?.sentence.end ?? sref.sentence.end, quote.close + 1);
  const afterEnd = Math.min(sentenceEnd, nextQuote ? nextQuote.open : sentenceEnd);
  const after = text.slice(quote.close + 1, afterEnd);
  const withNote = (result: { speaker: Speaker; confidence: number }, at: number) => {
    const note = noteSpeaker(ctx, passage, at);
    return note ? { speaker: { ...note, role: note.role || result.speaker.role }, confidence: Math.max(result.confidence, 0.85) } : result;
  };
  // After the quote: ", he said", ", said Hasmik Tolmajyan, the …", ", Azerbaijani analyst Togroul Djuvarli said", "according to …".
  const afterStart = quote.close + 1;
  const according = /^[,.]?\s*according to\s+([^,.;]+)/i.exec(after);
  if (according) {
    const from = afterStart + after.indexOf(according[1]!);
    const r = speakerFromText(ctx, sref, from, from + according[1]!.length);
    if (r) return withNote(r, from + according[1]!.length);
  }
  const post = new RegExp(`^[,.]?\\s*(?:(${SPEECH_VERBS})\\s+(.{2,120}?)[.]?$|(.{1,80}?)\\s+(${SPEECH_VERBS})\\b)`).exec(after);
  if (post) {
    const lead = after.length - after.trimStart().length;
    if (post[1]) {
      const from = afterStart + after.indexOf(post[2]!, lead);
      const r = speakerFromText(ctx, sref, from, from + post[2]!.length);
      if (r) return withNote(r, afterStart);
    } else if (
      post[3] &&
      !/[“”"‘,]|\baccording\b/.test(post[3]) &&
      !/^(while|and|but|as|when|although|because|whereas|if)\b/i.test(post[3])
    ) {
      const from = afterStart + after.indexOf(post[3]!);
      const r = speakerFromText(ctx, sref, from, from + post[3]!.length);
      if (r) return withNote(r, afterStart);
    }
  }
  // Before the quote, in the same sentence: "Bayramov also claimed that ‘", "an expert stated: “", "calling it a ‘".
  const clauseStart = previous && previous.quote.close > sref.sentence.start ? previous.quote.close + 1 : sref.sentence.start;
  const before = text.slice(clauseStart, quote.open);
  if (/\bcalling\s+(it|them)\b[^,]*$/.test(before)) {
    const subject = sentenceSubject(ctx, sref) ?? resolveLeadingPronoun(ctx, sref);
    if (subject) return withNote({ speaker: subject, confidence: 0.85 }, quote.close + 1);
  }
  const verbs = [...before.matchAll(VERB_RE)].filter((v) => !PASSIVE_BEFORE.test(before.slice(0, v.index)));
  const verb = verbs.at(-1);
  if (verb) {
    const verbAt = clauseStart + verb.index!;
    const head = text.slice(clauseStart, verbAt);
    const boundary = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf('—'));
    const from = clauseStart + (boundary >= 0 ? boundary + 1 : 0);
    let r = speakerFromText(ctx, sref, from, verbAt);
    if (!r || !r.speaker.id) {
      const wider = speakerFromPhrase(ctx, passage, clauseStart, verbAt, false);
      if (wider && !r) r = { speaker: wider, confidence: 0.8 };
    }
    if (!r && boundary >= 0) {
      const coordinated = previous && previous.quote.close > sref.sentence.start ? previous.statement.speaker : null;
      if (coordinated) r = { speaker: coordinated, confidence: 0.85 };
    }
    if (r) return withNote(r, quote.close + 1);
  }
  const fromNote = noteSpeaker(ctx, passage, quote.close + 1);
  if (fromNote) return { speaker: fromNote, confidence: 0.8 };
  // No speech verb: the sentence subject (a person, or a described document such as "The declaration").
  const subject = sentenceSubject(ctx, sref) ?? resolveLeadingPronoun(ctx, sref);
  if (subject) return { speaker: subject, confidence: 0.6 };
  const np = leadingNounPhrase(text.slice(sref.sentence.start, quote.open));
  if (np) {
    const from = sref.sentence.start + np.offset;
    const r = speakerFromText(ctx, sref, from, from + np.text.length);
    if (r) return { speaker: r.speaker, confidence: 0.5 };
  }
  return { speaker: { name: 'unattributed' }, confidence: 0.2 };
}

/** "He also referenced …": a sentence that opens with a pronoun points back. */
function resolveLeadingPronoun(ctx: Ctx, sref: SentenceRef): Speaker | null {
  const opening = /^(He|She|They)\b/.exec(sref.passage.text.slice(sref.sentence.start, sref.sentence.end));
  return opening ? resolvePronoun(ctx, sref, sref.sentence.start) : null;
}

/** The subject noun phrase at the start of a clause, skipping an introductory phrase ("In line with X, the EU Council"). */
function leadingNounPhrase(clause: string): { text: string; offset: number } | null {
  let offset = 0;
  const intro = /^(?:(?:In|On|At|After|Following|Since|During|Through|Despite|Before|Previously|Meanwhile|However)\b[^,]{0,80},\s*)/.exec(
    clause,
  );
  if (intro) offset = intro[0].length;
  const rest = clause.slice(offset);
  const np =
    /^((?:the|a|an|some|both|this|these)\s+)?(?:[\w’'.-]+\s+){0,4}?(?=(?:has|have|had|is|are|was|were|will|would|also|itself|includes|include|agreed|deployed|[a-z]+ed)\b)/i.exec(
      rest,
    );
  if (!np || np[0].trim() === '') return null;
  return { text: np[0].trim().replace(/\s+itself$/, ''), offset };
}

/** Reported speech in one sentence: "X said/claimed/stated … that …", "according to X, …", "…, according to X". */
function findReported(ctx: Ctx, sref: SentenceRef): { speaker: Speaker; text: string; confidence: number } | null {
  const { passage, sentence } = sref;
  const s = passage.text.slice(sentence.start, sentence.end);
  const accordingFirst = /^According to ([^,]+),\s+(.+)$/.exec(s);
  if (accordingFirst) {
    const from = sentence.start + 'According to '.length;
    const r = speakerFromText(ctx, sref, from, from + accordingFirst[1]!.length);
    if (r) return { speaker: r.speaker, text: accordingFirst[2]!.replace(/\.$/, ''), confidence: Math.min(r.confidence, 0.8) };
  }
  const accordingLast = /^(.+),\s+according to ([^,]+?)\.?$/.exec(s);
  if (accordingLast) {
    const from = sentence.start + s.lastIndexOf(accordingLast[2]!);
    const r = speakerFromText(ctx, sref, from, from + accordingLast[2]!.length);
    if (r) return { speaker: r.speaker, text: accordingLast[1]!, confidence: Math.min(r.confidence, 0.8) };
  }
  const re = new RegExp(
    `\\b(${SPEECH_VERBS})\\b((?:\\s+(?:on\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z][a-z]+ \\d{1,2}))?(?:\\s+\\w+){0,2}?(?:\\s+that\\b|:)|\\s+(?=(?:they|he|she|it|we)\\s)|(?<=\\b(?:said|says|doubted|insist|insists|insisted|warned|claimed|argued)\\b)\\s+(?=(?:a|an|the)\\s)|(?<=\\bsaying\\b)\\s+)`,
  );
  const m = re.exec(s);
  if (!m) return null;
  const verb = m[1]!;
  const head = s.slice(0, m.index);
  if (PASSIVE_BEFORE.test(head) || /\b(It|it)\s+(was\s+)?(then\s+)?$/.test(head)) return null;
  const content = s
    .slice(m.index + m[0].length)
    .trim()
    .replace(/\.$/, '');
  if (content.split(/\s+/).length < 3) return null;
  let result: { speaker: Speaker; confidence: number } | null = null;
  if (/ing$/.test(verb)) {
    // "…, saying that …" and "…, affirming that …": the speaker is the main clause's subject.
    const subject = sentenceSubject(ctx, sref) ?? resolveLeadingPronoun(ctx, sref);
    if (subject) result = { speaker: subject, confidence: 0.75 };
    else {
      const np = leadingNounPhrase(head);
      if (np) result = { speaker: { name: np.text }, confidence: 0.65 };
    }
  } else {
    const introEnd = /^(?:(?:In|On|After|Following|Since|During|Meanwhile|However|Previously)\b[^,]{0,80},\s*)/.exec(head)?.[0].length ?? 0;
    const from = sentence.start + introEnd;
    const to = sentence.start + m.index;
    const phrase = passage.text.slice(from, to).trim();
    const lastWord = phrase.split(/\s+/).at(-1) ?? '';
    if (PRONOUNS.test(lastWord) || /^(He|She|They)\b/.test(phrase)) {
      const p = resolvePronoun(ctx, sref, from);
      if (p) result = { speaker: p, confidence: 0.8 };
    } else {
      const entity = speakerFromPhrase(ctx, passage, from, to, false);
      if (entity) result = { speaker: entity, confidence: 0.8 };
      else {
        const np = leadingNounPhrase(phrase + ' has') ?? { text: phrase, offset: 0 };
        if (np.text.split(/\s+/).length <= 8) result = { speaker: { name: np.text }, confidence: 0.65 };
      }
    }
  }
  return result ? { speaker: result.speaker, text: content, confidence: result.confidence } : null;
}
