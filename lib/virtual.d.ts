declare module '*.css';

declare module 'virtual:backstory/matcher' {
  const tables: import('./match/types').MatcherTables;
  export default tables;
}
