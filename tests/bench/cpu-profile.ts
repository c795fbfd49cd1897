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
