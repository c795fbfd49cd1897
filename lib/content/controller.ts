import { Highlighter, toHighlighted } from '../dom/highlighter';
import { TextCollector, toRange, type TextMap } from '../dom/text-walker';
import { BLOCK_SEPARATOR } from '../match/fold';
import type { MatchContext } from '../match/matcher';
import type { Mention } from '../match/types';
import type { PageEntity } from '../messages';
import { report } from './report';
import { traceMark } from '../trace';
import type { MentionMatcher } from './user-matcher';
import { isActiveOn, type Settings } from '../settings';

/** Longest stretch of work between two yields to the page, in milliseconds. */
const SLICE_MS = 8;
/** Largest piece of text matched in one go; pieces end at block boundaries. */
const MATCH_PIECE = 16_000;
/** Elements whose start marks a block: a changed node is rescanned from its nearest one. */
const BLOCKISH = 'p,li,td,th,dd,dt,h1,h2,h3,h4,h5,h6,blockquote,figcaption,article,section,div,main,aside,header,footer,body';

/** Timing of the last full scan, for tests and benchmarks (exposed as a performance mark). */
export interface ScanStats {
  mentions: number;
  /** Wall time from the start of the scan until the marks were registered. */
  totalMs: number;
  /** Main-thread time the scan used (the sum of its slices). */
  busyMs: number;
  longestSliceMs: number;
  /** Main-thread time of the walk, the matching and the marking (parts of busyMs), for benchmarks. */
  walkMs: number;
  matchMs: number;
  markMs: number;
}

/** Main-thread time of a scan so far: the longest slice, their sum, and the parts spent walking and matching. */
interface SliceTimes {
  longest: number;
  busy: number;
  walkMs: number;
  matchMs: number;
}

/** Scheduling hooks, so tests can run the controller synchronously. */
export interface Scheduler {
  /** Gives the main thread back to the page, then continues. */
  yieldToPage(): Promise<void>;
  /** Runs work when the page is idle. */
  idle(work: () => void): void;
}

const browserScheduler: Scheduler = {
  yieldToPage: () => new Promise((resolve) => setTimeout(resolve, 0)),
  idle: (work) => {
    const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
    if (ric) ric(work, { timeout: 1000 });
    else setTimeout(work, 50);
  },
};

/**
 * Finds and marks mentions on one page: scans in slices, rescans only what
 * changed, follows single-page-app navigations and settings, and does nothing
 * while the tab is hidden. Creates no UI on a page with no mentions.
 */
export class ContentController {
  private highlighter: Highlighter | null = null;
  private context: MatchContext = { seenFull: new Set() };
  private readonly pendingRoots = new Set<Node>();
  private pendingPrune = false;
  private flushScheduled = false;
  private observer: MutationObserver | null = null;
  private generation = 0;
  private settings: Settings;
  /** Entities the settings want marked; derived on the first mark after the settings or the matcher change (the tables may load late). */
  private highlightable: Set<string> | null = null;
  private lastStats: ScanStats | null = null;

  constructor(
    private readonly doc: Document,
    private matcher: MentionMatcher,
    settings: Settings,
    private readonly signal: AbortSignal,
    private readonly scheduler: Scheduler = browserScheduler,
  ) {
    this.settings = settings;
    signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** The page's highlighter, once a mention was found. */
  get marks(): Highlighter | null {
    return this.highlighter;
  }

  /** The entities marked on the page, with counts, most mentioned first. */
  pageEntities(): PageEntity[] {
    const counts = new Map<string, number>();
    for (const h of this.highlighter?.all ?? []) counts.set(h.mention.entity, (counts.get(h.mention.entity) ?? 0) + 1);
    const info = new Map(this.matcher.tables.entities.map((e) => [e.id, e]));
    return [...counts]
      .map(([id, count]) => ({ id, name: info.get(id)?.name ?? id, kind: info.get(id)?.kind ?? '', count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  /** Scrolls to the first mention of an entity and flashes it; false when it is not on the page. */
  scrollTo(entityId: string): boolean {
    const first = this.highlighter?.inReadingOrder().find((h) => h.mention.entity === entityId && h.range.startContainer.isConnected);
    if (!first) return false;
    first.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.highlighter!.flash(first);
    return true;
  }

  /** The settings in force. */
  get currentSettings(): Settings {
    return this.settings;
  }

  /** Statistics of the last full scan. */
  get stats(): ScanStats | null {
    return this.lastStats;
  }

  private get active(): boolean {
    return isActiveOn(this.settings, this.doc.location?.hostname ?? '');
  }

  /** Starts watching the page and scans it (when the tab is visible and Backstory is on here). */
  async start(): Promise<void> {
    const view = this.doc.defaultView;
    if (view && 'MutationObserver' in view) {
      this.observer = new view.MutationObserver((records) => this.onMutations(records));
    }
    this.doc.addEventListener('visibilitychange', () => this.doc.visibilityState === 'visible' && this.scheduleFlush(), {
      signal: this.signal,
    });
    if (this.active) await this.rescanAll();
  }

  /** Applies new settings at once: turns off, restyles, or rescans as needed. */
  async applySettings(next: Settings): Promise<void> {
    const previous = this.settings;
    this.settings = next;
    this.highlightable = null;
    if (!this.active) {
      this.clear();
      return;
    }
    const needsRescan =
      !isActiveOn(previous, this.doc.location?.hostname ?? '') ||
      previous.highlightCountries !== next.highlightCountries ||
      previous.mentions !== next.mentions;
    if (needsRescan) await this.rescanAll();
    else if (previous.style !== next.style) this.highlighter?.setStyle(next.style);
  }

  /** Swaps in another matcher (the user's entities changed) and scans the page again, without a reload. */
  async setMatcher(matcher: MentionMatcher): Promise<void> {
    this.matcher = matcher;
    this.highlightable = null;
    await this.rescanAll();
  }

  /** Forgets every mark and scans the whole page again (after a single-page-app navigation). */
  async rescanAll(): Promise<void> {
    if (this.signal.aborted || !this.active) return;
    const generation = ++this.generation;
    this.clear();
    this.observe();
    if (this.doc.visibilityState === 'hidden') await this.untilVisible();
    if (generation !== this.generation || !this.doc.body) return;
    const started = now();
    const { mentions, map, longest, busy, walkMs, matchMs } = await this.scanTimed(this.doc.body, generation);
    if (generation !== this.generation) return;
    const markStart = now();
    this.mark(mentions, map);
    const markMs = now() - markStart;
    this.lastStats = {
      mentions: this.highlighter?.count ?? 0,
      totalMs: now() - started,
      busyMs: busy + markMs,
      longestSliceMs: Math.max(longest, markMs),
      walkMs,
      matchMs,
      markMs,
    };
    traceMark('backstory:scan-end', this.lastStats);
  }

  /** Stops observing and removes every mark. */
  stop(): void {
    this.generation++;
    this.observer?.disconnect();
    this.observer = null;
    this.clear();
    this.highlighter?.destroy();
    this.highlighter = null;
  }

  private clear(): void {
    this.highlighter?.clear();
    this.context = { seenFull: new Set() };
    this.pendingRoots.clear();
  }

  private observe(): void {
    if (!this.observer || !this.doc.body) return;
    this.observer.disconnect();
    this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
  }

  private untilVisible(): Promise<void> {
    return new Promise((resolve) => {
      const onChange = () => {
        if (this.doc.visibilityState !== 'visible') return;
        this.doc.removeEventListener('visibilitychange', onChange);
        resolve();
      };
      this.doc.addEventListener('visibilitychange', onChange, { signal: this.signal });
    });
  }

  /** Walks and matches `root` in slices of about SLICE_MS, yielding to the page between them. */
  private async scanTimed(root: Node, generation: number): Promise<{ mentions: Mention[]; map: TextMap } & SliceTimes> {
    const times: SliceTimes = { longest: 0, busy: 0, walkMs: 0, matchMs: 0 };
    let sliceStart = now();
    const maybeYield = async () => {
      const elapsed = now() - sliceStart;
      if (elapsed < SLICE_MS) return;
      times.longest = Math.max(times.longest, elapsed);
      times.busy += elapsed;
      await this.scheduler.yieldToPage();
      sliceStart = now();
    };
    // No computed style during the walk (it would force a style pass on every page); hidden mentions are dropped in mark().
    let phaseStart = now();
    const collector = new TextCollector(root);
    for (;;) {
      const done = collector.step(200);
      times.walkMs += now() - phaseStart;
      if (done) break;
      await maybeYield();
      if (generation !== this.generation) return { mentions: [], map: collector.result, ...times };
      phaseStart = now();
    }
    phaseStart = now();
    const map = collector.result;
    times.walkMs += now() - phaseStart;
    // Matching starts in a slice of its own: its first call also compiles the prefilter and decodes the automaton.
    await maybeYield();
    if (generation !== this.generation) return { mentions: [], map, ...times };
    const mentions: Mention[] = [];
    // Most pages name nothing: the prefilter proves it over the whole text, and no table is ever loaded.
    phaseStart = now();
    const may = map.text.length > 0 && (this.matcher.mayMatch?.(map.text) ?? true);
    times.matchMs += now() - phaseStart;
    if (may && this.matcher.ready) {
      const elapsed = now() - sliceStart;
      times.longest = Math.max(times.longest, elapsed);
      times.busy += elapsed;
      await this.matcher.ready();
      if (generation !== this.generation) return { mentions: [], map, ...times };
      sliceStart = now();
    }
    for (let from = may ? 0 : map.text.length; from < map.text.length;) {
      let to = Math.min(map.text.length, from + MATCH_PIECE);
      if (to < map.text.length) {
        const cut = map.text.lastIndexOf(BLOCK_SEPARATOR, to);
        if (cut > from) to = cut + 1;
      }
      phaseStart = now();
      for (const m of this.matcher.match(map.text.slice(from, to), this.context))
        mentions.push({ ...m, start: m.start + from, end: m.end + from });
      times.matchMs += now() - phaseStart;
      from = to;
      await maybeYield();
      if (generation !== this.generation) return { mentions: [], map, ...times };
    }
    const last = now() - sliceStart;
    return { mentions, map, ...times, longest: Math.max(times.longest, last), busy: times.busy + last };
  }

  private highlightableFor(settings: Settings): Set<string> {
    return new Set(
      this.matcher.tables.entities.filter((e) => e.highlight || (settings.highlightCountries && e.kind === 'country')).map((e) => e.id),
    );
  }

  /** Keeps the mentions the settings want highlighted and registers them. */
  private mark(mentions: Mention[], map: TextMap): void {
    if (mentions.length === 0) return;
    const highlightable = (this.highlightable ??= this.highlightableFor(this.settings));
    let wanted = mentions.filter((m) => highlightable.has(m.entity));
    if (this.settings.mentions === 'first') {
      const already = new Set(this.highlighter?.all.map((h) => h.mention.entity) ?? []);
      wanted = wanted.filter((m) => !already.has(m.entity) && (already.add(m.entity), true));
    }
    if (wanted.length === 0) return;
    const ranges = toHighlighted(wanted, (m) => toRange(map, m.start, m.end, this.doc)).filter((h) => isRendered(h.range));
    if (ranges.length === 0) return;
    this.highlighter ??= new Highlighter(this.doc, this.settings.style);
    this.highlighter.add(ranges);
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (isOwnNode(r.target)) continue;
      if (r.removedNodes.length > 0) this.pendingPrune = true;
      if (r.type === 'characterData') this.pendingRoots.add(r.target);
      for (const n of r.addedNodes) if (!isOwnNode(n)) this.pendingRoots.add(n);
    }
    if (this.pendingRoots.size > 0 || this.pendingPrune) this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.signal.aborted) return;
    this.flushScheduled = true;
    this.scheduler.idle(() => {
      this.flushScheduled = false;
      this.flush().catch(report);
    });
  }

  /** Rescans the blocks that changed, and drops marks whose text was removed. */
  private async flush(): Promise<void> {
    if (this.signal.aborted || !this.active || this.doc.visibilityState === 'hidden') return;
    if (this.pendingPrune) {
      this.pendingPrune = false;
      this.highlighter?.pruneDisconnected();
    }
    const blocks = new Set<Element>();
    for (const node of this.pendingRoots) {
      if (!node.isConnected) continue;
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      const block = el?.closest(BLOCKISH) ?? el;
      if (block) blocks.add(block);
    }
    this.pendingRoots.clear();
    // Rescan only the outermost changed blocks.
    const roots = [...blocks].filter((b) => ![...blocks].some((o) => o !== b && o.contains(b)));
    const generation = this.generation;
    for (const root of roots) {
      this.highlighter?.removeWithin(root);
      const { mentions, map } = await this.scanTimed(root, generation);
      if (generation !== this.generation) return;
      this.mark(mentions, map);
    }
  }
}

/** True when the mention's text is rendered: not in a display:none or visibility:hidden subtree. */
function isRendered(range: Range): boolean {
  const el = range.startContainer.parentElement;
  if (!el) return false;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') return check.call(el, { visibilityProperty: true });
  return true;
}

function isOwnNode(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el?.closest('[data-backstory-ui], backstory-mention');
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
