import type { Matcher } from '../match/matcher';
import type { Mention } from '../match/types';
import { collectText, type TextMap, type WalkOptions } from './text-walker';

/** Mentions found in a document or subtree, with the text map they index into. */
export interface PageScan {
  map: TextMap;
  mentions: Mention[];
}

/** Walks a subtree's visible text and matches entity mentions in it; shared by the content script and the CLI. */
export function scanNode(root: Node, matcher: Matcher, options: WalkOptions = {}): PageScan {
  const map = collectText(root, options);
  return { map, mentions: map.text.length === 0 ? [] : matcher.match(map.text) };
}
