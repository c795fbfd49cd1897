// Generated from components/public/_locales/en/messages.json by `npm run i18n`; do not edit (a test checks it is current).

/** The placeholders of each message that has any. */
export interface MessageParams {
  labelColon: { label: string | number };
  exportCopiedAs: { format: string | number };
  searchCoverage: { count: string | number; from: string | number; to: string | number };
  searchIntro: { coverage: string | number };
  noResults: { coverage: string | number };
  noResultsFor: { coverage: string | number; query: string | number };
  speakerNotNamed: { name: string | number };
  dated: { dateText: string | number; range: string | number };
  datedMatching: { dateText: string | number; range: string | number; text: string | number };
  dateRange: { from: string | number; to: string | number };
  spanFromTo: { from: string | number; to: string | number };
  spanFrom: { from: string | number };
  spanTo: { to: string | number };
  emptyRangeNote: { first: string | number; last: string | number; span: string | number };
  errorNotADate: { name: string | number; value: string | number };
  errorRangeInverted: { from: string | number; to: string | number };
  mentionCount: { count: string | number };
  checkingWords: { count: string | number };
  narrationAround: { passage: string | number };
  notFoundIn: { fragments: string | number };
  quoted: { text: string | number };
  verdictReportedBy: { name: string | number };
  publishedOn: { date: string | number };
  cardAsOf: { date: string | number };
  cardSaidBy: { name: string | number };
  cardSaidAbout: { name: string | number };
  cardMentionedIn: { count: string | number; total: string | number };
  cardSourceNumber: { number: string | number };
  cardCopiedWhat: { what: string | number };
  stateOffOn: { site: string | number };
  stateOnFor: { site: string | number };
  permissionNotAllowed: { site: string | number };
  permissionAllowOn: { site: string | number };
  dateDay: { day: string | number; month: string | number; year: string | number };
  dateMonth: { month: string | number; year: string | number };
}
