declare module '*.css';

declare module 'virtual:backstory/matcher' {
  const tables: import('./match/types').MatcherTables;
  export default tables;
}

declare module 'virtual:backstory/prefilter' {
  const source: import('./match/prefilter').PrefilterSource | null;
  export default source;
}
