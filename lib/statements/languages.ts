/**
 * How each language the sources are written in attributes speech. Every rule is a rule of the
 * language (its speech verbs, its "according to", its pronouns, the words that end a speaker phrase),
 * never of one article. The extractor uses the union: the forms of different languages do not collide.
 */
export interface LanguageRules {
  /** Speech verbs as they stand next to a quotation ("said", "заявил", "a déclaré", "dedi", "ասել է"). */
  verbs: string[];
  /** Inverted verbs that carry their own pronoun subject ("a-t-il déclaré"): the pronoun is the speaker. */
  pronounVerbs: string[];
  /** "According to X" before its speaker ("according to", "по словам", "selon", "ըստ"). */
  accordingBefore: string[];
  /** "According to X" after its speaker ("X'e göre", "X-in sözlərinə görə", "X-ի խոսքով"). */
  accordingAfter: string[];
  /** "According to him": the pronoun's referent is the speaker ("по его словам", "selon lui", "Նրա խոսքով"). */
  pronounAccording: string[];
  /** True when the verb ends the clause (Turkish, Azerbaijani): no speaker follows a verb after a quotation. */
  verbFinal: boolean;
  /** Third-person pronouns that can stand for a speaker (subject and possessive forms). */
  pronouns: string[];
  /** A following sentence that names the speaker of the quotation before it ("Bunu X deyib", "Об этом заявил X"). */
  thisWas: string[];
  /** Words after a quotation that make it a question put to the speaker, not the speaker's words. */
  question: string[];
  /** Words that end a speaker phrase: prepositions and conjunctions that open another phrase. */
  stops: string[];
  /** Capitalised words that are not names: articles, titles, days, sentence openers. */
  notNames: string[];
}

const RU_STEMS = [
  'заяви',
  'сказа',
  'отмети',
  'добави',
  'подчеркну',
  'поясни',
  'уточни',
  'напомни',
  'сообщи',
  'призна',
  'завери',
  'указа',
  'написа',
  'констатирова',
  'заключи',
  'резюмирова',
  'ответи',
  'предупреди',
];
const FR_PARTICIPLES = [
  'déclaré',
  'dit',
  'affirmé',
  'ajouté',
  'souligné',
  'indiqué',
  'noté',
  'expliqué',
  'martelé',
  'poursuivi',
  'insisté',
  'précisé',
  'assuré',
  'estimé',
  'averti',
  'lancé',
  'rappelé',
  'répondu',
  'écrit',
  'annoncé',
  'confié',
  'relevé',
  'fait valoir',
  'fait savoir',
];

/** The rules per language (ISO 639-1 codes). */
export const LANGUAGES: Record<'en' | 'ru' | 'fr' | 'tr' | 'az' | 'hy', LanguageRules> = {
  en: {
    verbs: [
      'made it clear',
      'said',
      'says',
      'saying',
      'added',
      'adds',
      'stated',
      'states',
      'stating',
      'claimed',
      'claims',
      'claiming',
      'reiterated',
      'reiterates',
      'warned',
      'warns',
      'warning',
      'announced',
      'announces',
      'insisted',
      'insists',
      'insist',
      'affirmed',
      'affirming',
      'reaffirmed',
      're-affirming',
      'reaffirming',
      'asserted',
      'asserts',
      'argued',
      'argues',
      'noted',
      'told',
      'wrote',
      'writes',
      'reported',
      'declared',
      'explained',
      'stressed',
      'doubted',
    ],
    pronounVerbs: [],
    accordingBefore: ['according to', 'quoted'],
    accordingAfter: [],
    pronounAccording: ['according to (?:him|her|them)'],
    verbFinal: false,
    pronouns: ['he', 'she', 'they', 'him', 'her'],
    thisWas: [],
    question: ['asked'],
    stops: ['in', 'at', 'during', 'on', 'to', 'after', 'before', 'when', 'while', 'as', 'from'],
    notNames: [
      'The',
      'A',
      'An',
      'This',
      'That',
      'He',
      'She',
      'They',
      'It',
      'In',
      'On',
      'At',
      'President',
      'Prime',
      'Minister',
      'Foreign',
      'Deputy',
      'Secretary',
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
      'Ministry',
      'Spokesman',
      'Spokeswoman',
      'Spokesperson',
      'Ambassador',
      'Adviser',
      'Advisor',
      'Senator',
      'State',
      'Department',
      'Chairman',
      'Director',
      'Envoy',
      'Senior',
      'Special',
    ],
  },
  ru: {
    verbs: [...RU_STEMS.map((s) => `${s}л(?:а|и|о)?`), 'говорится', 'считает', 'подчеркивает', 'отмечает', 'заявляет', 'говорит', 'пишет'],
    pronounVerbs: [],
    accordingBefore: ['по словам', 'как сообщил', 'как заявил', 'как отметил'],
    accordingAfter: [],
    pronounAccording: ['по (?:его|её|ее|их) словам', 'как (?:он|она) (?:заявил|сказал|отметил)а?'],
    verbFinal: false,
    pronouns: ['он', 'она', 'они', 'его', 'её', 'ее', 'их'],
    thisWas: ['об этом'],
    question: ['на вопрос'],
    stops: ['в', 'во', 'на', 'по', 'после', 'перед', 'выступая', 'журналистам', 'при', 'со', 'с', 'у'],
    notNames: ['Об', 'Как', 'По', 'В', 'На', 'Он', 'Она', 'Они', 'Ранее', 'Премьер', 'Президент', 'Глава'],
  },
  fr: {
    verbs: [
      ...FR_PARTICIPLES.map((p) => `a ${p}`),
      ...FR_PARTICIPLES.map((p) => `ont ${p}`),
      'déclare',
      'affirme',
      'ajoute',
      'souligne',
      'estime',
      'indique',
      'explique',
      'peut-on lire',
      'lit-on',
    ],
    pronounVerbs: FR_PARTICIPLES.map((p) => `a-t-(?:il|elle|on) ${p}`).concat([
      '(?:déclare|affirme|ajoute|souligne|estime|explique|indique|poursuit|insiste|précise)-t-(?:il|elle)',
    ]),
    accordingBefore: ['selon', "d'après", 'd’après'],
    accordingAfter: [],
    pronounAccording: ['selon (?:lui|elle|eux)', "(?:d’après|d'après) (?:lui|elle|eux)"],
    verbFinal: false,
    pronouns: ['il', 'elle', 'ils', 'elles', 'lui'],
    thisWas: [],
    question: [],
    stops: ['dans', 'à', 'au', 'aux', 'lors', 'selon', 'devant', 'cité', 'citée', 'en', 'pendant', 'après', 'sur'],
    notNames: ['Le', 'La', 'Les', 'L', 'Un', 'Une', 'Il', 'Elle', 'Ils', 'Selon', 'Premier', 'Président', 'Ministre', 'Or', 'Plus'],
  },
  tr: {
    verbs: [
      'dedi',
      'söyledi',
      'diye konuştu',
      'diye ekledi',
      'ifadelerini kullandı',
      'ifadesini kullandı',
      'belirtti',
      'açıkladı',
      'kaydetti',
      'vurguladı',
      'cevabını verdi',
      'yanıtını verdi',
      'ifade etti',
      'şeklinde konuştu',
      'dile getirdi',
      'şeklinde nitelendirerek',
      'şeklinde niteleyip',
      'nitelendirerek',
      'niteleyip',
      'şöyle devam etti',
      'şunları kaydetti',
      'sözleri aktardı',
      'aktardı',
      'ifadeleri yer aldı',
      'ifadelerine yer verildi',
    ],
    pronounVerbs: [],
    accordingBefore: [],
    accordingAfter: ['göre'],
    pronounAccording: ['(?:ona|onlara) göre'],
    verbFinal: true,
    pronouns: ['o', 'onun'],
    thisWas: ['bunu'],
    question: ['sorusuna'],
    stops: [],
    notNames: ['Bu', 'Bunu', 'O', 'Ama', 'Azerbaycan', 'Ermenistan', 'Cumhurbaşkanı', 'Başbakanı', 'Bakanı'],
  },
  az: {
    verbs: ['deyib', 'dedi', 'bildirib', 'söyləyib', 'qeyd edib', 'açıqlayıb', 'vurğulayıb', 'əlavə edib', 'bəyan edib', 'deyə bildirib'],
    pronounVerbs: [],
    accordingBefore: [],
    accordingAfter: ['sözlərinə görə'],
    pronounAccording: ['onun sözlərinə görə'],
    verbFinal: true,
    pronouns: ['o', 'onun'],
    thisWas: ['bunu', 'bu barədə', 'bu sözləri'],
    question: ['sualına'],
    stops: [],
    notNames: ['Bu', 'Bunu', 'O', 'Amma', 'Azərbaycan', 'Ermənistan', 'Xatırladaq'],
  },
  hy: {
    // The perfect (ասել է) and the pluperfect (ասել էր) of each verb, and the aorist (ասաց).
    verbs: ['ասել', 'նշել', 'հայտարարել', 'ընդգծել', 'շեշտել', 'հավելել', 'գրել', 'պնդել']
      .flatMap((v) => [`${v} է`, `${v} էր`])
      .concat(['ասաց', 'նշեց', 'հայտարարեց', 'ընդգծեց', 'հավելեց', 'գրեց', 'գրում է']),
    pronounVerbs: [],
    accordingBefore: ['ըստ'],
    accordingAfter: ['խոսքով'],
    pronounAccording: ['(?:նրա|Նրա) խոսքով'],
    verbFinal: false,
    pronouns: ['նա', 'նրա'],
    thisWas: ['այս մասին'],
    question: [],
    stops: [],
    notNames: ['Այս', 'Նա', 'Նրա', 'Ըստ'],
  },
};

const all = (pick: (r: LanguageRules) => string[]) => [...new Set(Object.values(LANGUAGES).flatMap(pick))];
/** Longest first, so "qeyd edib" wins over a shorter form inside it. */
const alternation = (items: string[]) => [...items].sort((a, b) => b.length - a.length).join('|');

/** Word boundaries for every script (\b knows only ASCII letters). */
export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';

/** Every language's speech verbs in one alternation. */
export const ALL_VERBS = alternation(all((r) => r.verbs));
/** Inverted verbs with their pronoun inside. */
export const ALL_PRONOUN_VERBS = alternation(all((r) => r.pronounVerbs));
/** Every "according to" that comes before its speaker. */
export const ALL_ACCORDING_BEFORE = alternation(all((r) => r.accordingBefore));
/** Speech verbs of the languages where a speaker may follow the verb ("said X", "заявил X", "a martelé X"). */
export const VERBS_BEFORE_SPEAKER = alternation(
  Object.values(LANGUAGES)
    .filter((r) => !r.verbFinal)
    .flatMap((r) => r.verbs),
);
/** Every "according to him". */
export const ALL_PRONOUN_ACCORDING = alternation(all((r) => r.pronounAccording));
/** Every "according to" that comes after its speaker. */
export const ALL_ACCORDING_AFTER = alternation(all((r) => r.accordingAfter));
/** Every language's speaker pronouns. */
export const PRONOUN_RE = new RegExp(`^(?:${alternation(all((r) => r.pronouns))})$`, 'iu');
/** The opening of a sentence that names the speaker of the quotation before it. */
export const THIS_WAS_RE = new RegExp(`${B}(?:${alternation(all((r) => r.thisWas))})${E}`, 'iu');
/** A question put to the speaker. */
export const QUESTION_RE = new RegExp(`^[\\s,.:;–—-]*(?:${alternation(all((r) => r.question))})${E}`, 'iu');
/** Function words that end a speaker phrase. */
export const STOP_RE = new RegExp(`\\s(?:${alternation(all((r) => r.stops))})${E}`, 'u');
/** Capitalised words that are never part of a name. */
export const NOT_NAMES = new Set(all((r) => r.notNames));
