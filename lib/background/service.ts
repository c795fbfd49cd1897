import type MiniSearch from 'minisearch';
import { buildCard } from '../kb/card';
import type { KnowledgeBase } from '../kb/types-kb';
import type { Message, MessageApi } from '../messages';
import type { SearchDoc } from '../search/options';
import { corpusInfo, loadSearchIndex, search } from '../search/query';
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
  private candidates: ReturnType<typeof quoteCandidates> | null = null;

  constructor(
    private readonly source: DataSource,
    private readonly openUrl: (path: string) => Promise<void> = async () => {},
  ) {}

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
  async handle(message: Message): Promise<MessageApi[keyof MessageApi]['response']> {
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
      case 'getCard':
        return buildCard(kb, (message.payload as MessageApi['getCard']['request']).entityId);
      case 'search': {
        const req = message.payload as MessageApi['search']['request'];
        return search(index, kb, req.query, req.filters);
      }
      case 'checkQuote':
        return checkQuote(kb, (message.payload as MessageApi['checkQuote']['request']).text, (this.candidates ??= quoteCandidates(kb)));
      case 'corpusInfo':
        return corpusInfo(kb);
      case 'ping':
        return { ok: true, entities: kb.entities.length };
      default:
        throw new Error(`Backstory: unknown message type "${String((message as { type: unknown }).type)}".`);
    }
  }
}
