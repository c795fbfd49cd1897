import { useEffect, useState } from 'preact/hooks';
import type { SearchHit } from '../lib/messages';

/** Props: the search function, injected so the component has no extension APIs inside. */
export interface PopupProps {
  search: (query: string) => Promise<SearchHit[]>;
}

/** The toolbar popup: a search field and grouped results. */
export function Popup({ search }: PopupProps) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    search(query)
      .then((h) => current && (setHits(h), setError(null)))
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [query, search]);
  return (
    <main style={{ padding: '12px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>Backstory</h1>
      <input
        type="search"
        autoFocus
        aria-label="Search people, places, statements"
        placeholder="Search: Zangezur, Bayramov obstacle, Alma Ata…"
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        style={{ width: '100%', boxSizing: 'border-box', padding: '6px' }}
      />
      {error && <p role="alert">{error}</p>}
      {query && hits.length === 0 && !error && <p>No results. The corpus covers five reports from December 2022 to November 2024.</p>}
      <ul style={{ listStyle: 'none', padding: 0 }} data-testid="results">
        {hits.map((h) => (
          <li key={h.id} data-type={h.type} style={{ margin: '8px 0' }}>
            <strong>{h.title}</strong> <small>{h.type}</small>
            <div>{h.text.length > 200 ? h.text.slice(0, 200) + '…' : h.text}</div>
          </li>
        ))}
      </ul>
    </main>
  );
}
