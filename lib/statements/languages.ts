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
  /**
   * A title standing alone for a person the text has named ("the minister", "премьер", "политик", "le Premier ministre",
   * "dövlətimizin başçısı", "politoloqun"): it points back like a pronoun.
   */
  anaphors: string[];
  /** Nouns right before a quotation that make it a name ("the conference “…”", "l’expression « … »", "термин «…»"). */
  namesBefore: string[];
  /** Nouns right after a quotation that make it a name ("“…” ifadesini", "“…” kanalına", "«…» թերթը"). */
  namesAfter: string[];
  /** Participles of speech verbs before their subject ("Sözlərinə davam edən Hacıyev, “…”", "vurgulayan Aliyev, “…”"). */
  participles: string[];
  /** The conjunction that opens reported speech ("that", "что", "que", "ki", "որ"). */
  complementizers: string[];
  /** Speech verbs that report opinions or speech but stand by no quotation in the sources ("считает", "a noté", "affirmant"). */
  reportingVerbs: string[];
  /** Verbs after a nominalised reported clause (Turkish, Azerbaijani: "…olduğunu söyledi", "…olduğunu bildirib"). */
  nominalVerbs: string[];
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
  'exprimé',
];
/** Adverbs that stand between the auxiliary and the participle ("a également déclaré", "a-t-il encore souligné"). */
const FR_ADVERB =
  '(?:(?:également|aussi|encore|ensuite|enfin|notamment|alors|déjà|de nouveau|précédemment|récemment|dans le même temps|pour sa part|quant à lui|quant à elle) )?';

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
    pronounAccording: ['according to (?:him|her|them)', 'in (?:his|her|their) words'],
    verbFinal: false,
    pronouns: ['he', 'she', 'they', 'him', 'her'],
    thisWas: [],
    question: ['asked'],
    stops: ['in', 'at', 'during', 'on', 'to', 'after', 'before', 'when', 'while', 'as', 'from'],
    anaphors: [
      'the (?:minister|foreign minister|president|premier|prime minister|secretary|politician|diplomat|official|envoy|spokesperson|spokesman|analyst|expert)',
    ],
    namesBefore: [
      'conference',
      'forum',
      'summit',
      'project',
      'programme',
      'program',
      'operation',
      'initiative',
      'campaign',
      'newspaper',
      'agency',
      'channel',
      'website',
      'party',
      'movement',
      'term',
      'phrase',
      'expression',
      'word',
      'slogan',
      'doctrine',
      'format',
      'called',
      'named',
      'titled',
      'entitled',
    ],
    namesAfter: [],
    participles: [],
    complementizers: ['that'],
    reportingVerbs: ['emphasized', 'emphasised', 'underlined', 'believes', 'noted'],
    nominalVerbs: [],
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
    anaphors: [
      'премьер(?:-министр)?(?:а|у)?',
      'политик(?:а|у)?',
      'министр(?:а|у)?',
      'президент(?:а|у)?',
      'дипломат(?:а|у)?',
      'глава (?:государства|правительства|МИД|дипломатии)',
      'эксперт(?:а|у)?',
      'аналитик(?:а|у)?',
    ],
    namesBefore: [
      'конференци\\p{L}*',
      'форум\\p{L}*',
      'саммит\\p{L}*',
      'проект\\p{L}*',
      'программ\\p{L}*',
      'операци\\p{L}*',
      'инициатив\\p{L}*',
      'кампани\\p{L}*',
      'газет\\p{L}*',
      'агентств\\p{L}*',
      'телеканал\\p{L}*',
      'издани\\p{L}*',
      'сайт\\p{L}*',
      'парти\\p{L}*',
      'движени\\p{L}*',
      'термин\\p{L}*',
      'словосочетани\\p{L}*',
      'выражени\\p{L}*',
      'лозунг\\p{L}*',
      'доктрин\\p{L}*',
      'формат\\p{L}*',
      'маршрут\\p{L}*',
      'коридор\\p{L}*',
    ],
    namesAfter: [],
    participles: [],
    complementizers: ['что'],
    reportingVerbs: [
      'заметил(?:а|и)?',
      'допустил(?:а|и)?',
      'подтвердил(?:а|и)?',
      'считает',
      'считают',
      'полагает',
      'уверен(?:а|ы)?',
      'убежден(?:а|ы)?',
    ],
    nominalVerbs: [],
    notNames: ['Об', 'Как', 'По', 'В', 'На', 'Он', 'Она', 'Они', 'Ранее', 'Премьер', 'Президент', 'Глава'],
  },
  fr: {
    verbs: [
      ...FR_PARTICIPLES.map((p) => `a ${FR_ADVERB}${p}`),
      ...FR_PARTICIPLES.map((p) => `ont ${FR_ADVERB}${p}`),
      'déclare',
      'affirme',
      'ajoute',
      'souligne',
      'estime',
      'indique',
      'explique',
      'communique',
      'précise',
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
    anaphors: [
      '(?:le|la) (?:Premier ministre|premier ministre|ministre|président|présidente|secrétaire|Secrétaire|chef de la diplomatie|chef du gouvernement|diplomate|politologue|expert)',
    ],
    namesBefore: [
      'conférence(?:\\s+\\p{L}+)?',
      'forum',
      'sommet',
      'projet',
      'programme',
      'opération',
      'initiative',
      'campagne',
      'journal',
      'agence',
      'chaîne',
      'site',
      'parti',
      'mouvement',
      'terme',
      'expression',
      'mot',
      'formule',
      'slogan',
      'doctrine',
      'format',
      'baptisé(?:e|s)?',
      'intitulé(?:e|s)?',
      'appelé(?:e|s)?',
      'dénommé(?:e|s)?',
    ],
    namesAfter: [],
    participles: [],
    complementizers: ['que'],
    reportingVerbs: [
      'affirmant',
      'soulignant',
      'estimant',
      'assurant',
      'expliquant',
      'précisant',
      'indiquant',
      'ajoutant',
      'déclarant',
      'rappelant',
      'a (?:\\p{L}+ )?noté',
      "s[’']est (?:\\p{L}+ ){0,4}?vanté(?:e|s)?",
      "a (?:\\p{L}+ )?exprimé l[’'](?:opinion|avis|espoir)",
    ],
    nominalVerbs: [],
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
      'ifadelerini kullanmıştı',
      'ifadesini kullanmıştı',
      'demişti',
      'söylemişti',
      'diye konuşmuştu',
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
    anaphors: ['Başbakan', 'Bakan', 'Cumhurbaşkanı'],
    namesBefore: [],
    namesAfter: [
      'ifade\\p{L}*',
      'terim\\p{L}*',
      'kavram\\p{L}*',
      'proje\\p{L}*',
      'forum\\p{L}*',
      'zirve\\p{L}*',
      'konferans\\p{L}*',
      'gazete\\p{L}*',
      'ajans\\p{L}*',
      'kanal\\p{L}*',
      'parti\\p{L}*',
      'hareket\\p{L}*',
      'operasyon\\p{L}*',
      'koridor\\p{L}*',
      'adlı',
      'isimli',
    ],
    participles: [
      'devam eden',
      'diyen',
      'belirten',
      'vurgulayan',
      'ifade eden',
      'söyleyen',
      'ekleyen',
      'kaydeden',
      'açıklayan',
      'dile getiren',
    ],
    complementizers: [],
    reportingVerbs: [],
    nominalVerbs: [
      'söyledi',
      'belirtti',
      'ifade etti',
      'vurguladı',
      'kaydetti',
      'açıkladı',
      'bildirdi',
      'dile getirdi',
      'aktardı',
      'ekledi',
      'söylemişti',
      'belirtmişti',
      'ifade etmişti',
      'vurgulamıştı',
      'açıklamıştı',
    ],
    notNames: ['Bu', 'Bunu', 'O', 'Ama', 'Azerbaycan', 'Ermenistan', 'Cumhurbaşkanı', 'Başbakanı', 'Bakanı'],
  },
  az: {
    verbs: [
      'deyib',
      'dedi',
      'bildirib',
      'söyləyib',
      'qeyd edib',
      'açıqlayıb',
      'vurğulayıb',
      'əlavə edib',
      'bəyan edib',
      'deyə bildirib',
      'demişdi',
      'bildirmişdi',
      'söyləmişdi',
    ],
    pronounVerbs: [],
    accordingBefore: [],
    accordingAfter: ['sözlərinə görə'],
    pronounAccording: ['onun sözlərinə görə'],
    verbFinal: true,
    pronouns: ['o', 'onun'],
    thisWas: ['bunu', 'bu barədə', 'bu sözləri'],
    question: ['sualına'],
    stops: [],
    anaphors: [
      'nazir',
      'politoloq(?:un)?',
      'ekspert(?:in)?',
      'deputat(?:ın)?',
      'dövlətimizin başçısı',
      'dövlət başçısı',
      'prezident',
      'baş nazir',
    ],
    namesBefore: [],
    namesAfter: [
      'ifadə\\p{L}*',
      'termin\\p{L}*',
      'layihə\\p{L}*',
      'forum\\p{L}*',
      'sammit\\p{L}*',
      'konfrans\\p{L}*',
      'qəzet\\p{L}*',
      'agentliy\\p{L}*',
      'agentlik\\p{L}*',
      'kanal\\p{L}*',
      'telekanal\\p{L}*',
      'partiya\\p{L}*',
      'hərəkat\\p{L}*',
      'əməliyyat\\p{L}*',
      'sayt\\p{L}*',
      'dəhliz\\p{L}*',
      'adlı',
    ],
    participles: ['davam edən', 'deyən', 'bildirən', 'vurğulayan', 'qeyd edən', 'söyləyən', 'əlavə edən', 'toxunan', 'bəyan edən'],
    complementizers: ['ki'],
    reportingVerbs: ['hesab edir', 'bildirdi', 'dedi', 'bildirmişdi', 'demişdi', 'qeyd etmişdi', 'bəyan etmişdi', 'bildirir'],
    nominalVerbs: [
      'bildirib',
      'deyib',
      'vurğulayıb',
      'qeyd edib',
      'bəyan edib',
      'söyləyib',
      'açıqlayıb',
      'əlavə edib',
      'bildirmişdi',
      'bəyan etmişdi',
      'qeyd etmişdi',
    ],
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
    thisWas: ['այս մասին', 'այդ մասին', 'նման հայտարարություն է արել'],
    question: [],
    stops: [],
    anaphors: ['նախարարը', 'վարչապետը', 'նախագահը', 'քաղաքագետը', 'դիվանագետը'],
    namesBefore: [],
    namesAfter: [
      'թերթ\\p{L}*',
      'գործակալ\\p{L}*',
      'հեռուստաընկեր\\p{L}*',
      'կուսակց\\p{L}*',
      'նախագծ\\p{L}*',
      'նախագիծ\\p{L}*',
      'ծրագ\\p{L}*',
      'ֆորում\\p{L}*',
      'գագաթնաժողով\\p{L}*',
      'կոնֆերանս\\p{L}*',
      'եզր\\p{L}*',
      'արտահայտ\\p{L}*',
      'միջանցք\\p{L}*',
    ],
    participles: [],
    complementizers: ['որ'],
    reportingVerbs: ['հայտնել է', 'հայտնել էր', 'հայտնեց', 'կարծում է', 'համոզված է', 'նշելով', 'ասելով', 'հայտարարելով'],
    nominalVerbs: [],
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
/** A title standing alone for a named person ("the minister", "премьер", "dövlətimizin başçısı"): the whole phrase. */
export const ANAPHOR_RE = new RegExp(`^(?:${alternation(all((r) => r.anaphors))})$`, 'iu');
/** A quotation right after one of these nouns is a name, not speech. */
export const NAME_BEFORE_RE = new RegExp(`${B}(?:${alternation(all((r) => r.namesBefore))})\\s*[(:]?\\s*$`, 'iu');
/** A quotation right before one of these nouns (a case ending may join them) is a name, not speech. */
export const NAME_AFTER_RE = new RegExp(`^\\p{Ll}{0,4}\\s*(?:${alternation(all((r) => r.namesAfter))})${E}`, 'u');
/** "… davam edən Hacıyev, “" / "… vurgulayan Aliyev, “": the participle's subject before a quotation. */
export const PARTICIPLE_SUBJECT_RE = new RegExp(`${B}(?:${alternation(all((r) => r.participles))})\\s+([^,.;:“”"«»]{2,60}?),\\s*$`, 'u');
/** Every language's reporting verbs: speech verbs and the verbs that report only opinions. */
export const REPORTING_VERBS = alternation(all((r) => [...r.verbs, ...r.reportingVerbs]));
/** Every language's conjunction of reported speech. */
export const COMPLEMENTIZERS = `(?:${alternation(all((r) => r.complementizers))})${E}|qu['’]`;
/** Every verb after a nominalised reported clause. */
export const NOMINAL_VERBS = alternation(all((r) => r.nominalVerbs));
/** Capitalised words that are never part of a name. */
export const NOT_NAMES = new Set(all((r) => r.notNames));
