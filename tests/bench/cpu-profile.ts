import type { BrowserContext } from 'playwright-core';

/** The part of a DevTools CPU profile the bench reads. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  samples?: number[];
  timeDeltas?: number[];
}

/** Every sample with an extension frame on its stack: its duration (until the next sample) and its own frame. */
export function extensionSamples(profile: CpuProfile): Array<{ ms: number; frame: CpuProfile['nodes'][number]['callFrame'] }> {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const fromExtension = new Map<number, boolean>();
  const isExtension = (id: number): boolean => {
    const known = fromExtension.get(id);
    if (known !== undefined) return known;
    const parent = parentOf.get(id);
    const result = byId.get(id)!.callFrame.url.startsWith('chrome-extension://') || (parent !== undefined && isExtension(parent));
    fromExtension.set(id, result);
    return result;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const out: Array<{ ms: number; frame: CpuProfile['nodes'][number]['callFrame'] }> = [];
  // A sample stands for the time until the next one.
  for (let i = 0; i < samples.length; i++)
    if (isExtension(samples[i]!)) out.push({ ms: (deltas[i + 1] ?? 0) / 1000, frame: byId.get(samples[i]!)!.callFrame });
  return out;
}

/** One load of `url` in a new tab under a sampling CPU profile (interval in µs), until Backstory's first scan has ended. */
export async function profiledLoad(context: BrowserContext, url: string, intervalUs: number): Promise<CpuProfile> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction(() => performance.getEntriesByName('backstory:scan-end').length > 0, null, { timeout: 60_000 });
  const { profile } = await cdp.send('Profiler.stop');
  await page.close();
  return profile;
}
