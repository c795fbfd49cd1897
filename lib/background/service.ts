import type MiniSearch from 'minisearch';
import { buildCard } from '../kb/card';
import type { KnowledgeBase } from '../kb/types-kb';
import type { LibraryService } from '../library/service';
import { EXTENSION_PAGE_ONLY, type Message, type MessageApi } from '../messages';
import type { SearchDoc } from '../search/options';
import { corpusInfo, loadSearchIndex, search, type SearchFilters } from '../search/query';
import { checkQuote, quoteCandidates } from '../search/quote-check';

/** Where the background gets its bundled data (fetch in the extension, files in tests). */
export interface DataSource {
  loadKb(): Promise<KnowledgeBase>;
  loadIndex(): Promise<{ version: number; index: unknown }>;
}

/**
 * Answers typed messages. The knowledge base and index load lazily on the
 * first request, and again after the service worker restarts.
 */
export class BackgroundService {
  private data: Promise<{ kb: KnowledgeBase; index: MiniSearch<SearchDoc> }> | null = null;
  private candidates: { kb: KnowledgeBase; list: ReturnType<typeof quoteCandidates> } | null = null;

  constructor(
    private readonly source: DataSource,
    private readonly openUrl: (path: string) => Promise<void> = async () => {},
    /** The user's library; without it only the bundled corpus answers. */
    private readonly library?: LibraryService,
  ) {}

  private async searchAll(index: MiniSearch<SearchDoc>, kb: KnowledgeBase, query: string, filters: SearchFilters = {}) {
    const source = filters.source ?? 'all';
    const bundled = source === 'library' ? [] : search(index, kb, query, filters);
    if (!this.library || source === 'bundled') return bundled;
    const mine = await this.library.search(query, filters, 40, kb);
    // Scores of the two indexes are on the same BM25 scale; newest first when there is no query.
    const merged = [...bundled, ...mine];
    merged.sort(query.trim() ? (a, b) => b.score - a.score : (a, b) => String(b.date ?? '').localeCompare(String(a.date ?? '')));
    return merged.slice(0, 40);
  }

  private load() {
    if (!this.data) {
      this.data = Promise.all([this.source.loadKb(), this.source.loadIndex()]).then(([kb, serialized]) => ({
        kb,
        index: loadSearchIndex(serialized),
      }));
      // A failed load is retried on the next request instead of being cached.
      this.data.catch(() => (this.data = null));
    }
    return this.data;
  }

  /** Handles one message; unknown types get a clear error. */
  async handle(message: Message, sender?: { url?: string }, extensionOrigin?: string): Promise<MessageApi[keyof MessageApi]['response']> {
    if (message.type.startsWith('library')) {
      // Only extension pages may read or change the library; a content script (or a page behind it) may not.
      if (EXTENSION_PAGE_ONLY.has(message.type) && sender && extensionOrigin && !sender.url?.startsWith(extensionOrigin)) {
        throw new Error(`Backstory: "${message.type}" is only answered for Backstory's own pages.`);
      }
      if (!this.library) throw new Error('Backstory: the library is not available here.');
      return this.library.handle(message.type as 'libraryAdd', message.payload, async () => (await this.load()).kb);
    }
    if (message.type === 'openPage') {
      const req = message.payload as MessageApi['openPage']['request'];
      await this.openUrl(
        req.page === 'reader'
          ? `/reader.html#${encodeURIComponent(req.passage)}`
          : `/popup.html?view=tab&entity=${encodeURIComponent(req.entity)}`,
      );
      return { ok: true };
    }
    const { kb, index } = await this.load();
    switch (message.type) {
      case 'getCard': {
        const { entityId } = message.payload as MessageApi['getCard']['request'];
        return this.library && !(await this.library.isEmpty()) ? this.library.card(kb, entityId) : buildCard(kb, entityId);
      }
      case 'search': {
        const req = message.payload as MessageApi['search']['request'];
        if (typeof req?.query !== 'string') throw new Error('Backstory: search: "query" must be text.');
        return this.searchAll(index, kb, req.query, req.filters);
      }
      case 'checkQuote': {
        const text = (message.payload as MessageApi['checkQuote']['request']).text;
        // With a library, the candidates are the bundled corpus and the library documents closest to the text.
        if (this.library && !(await this.library.isEmpty())) return checkQuote(kb, text, await this.library.quoteIndex(text, kb));
        if (this.candidates?.kb !== kb) this.candidates = { kb, list: quoteCandidates(kb) };
        return checkQuote(kb, text, this.candidates.list);
      }
      case 'corpusInfo':
        return this.library && !(await this.library.isEmpty()) ? this.library.corpusInfo(kb) : corpusInfo(kb);
      case 'ping':
        return { ok: true, entities: kb.entities.length };
      default:
        throw new Error(`Backstory: unknown message type "${String((message as { type: unknown }).type)}".`);
    }
  }
}
