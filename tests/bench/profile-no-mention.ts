/**
 * Where a page with nothing to mark spends the content script's main-thread time: loads each page given (default:
 * a few shared pages with no mentions) PROFILE_RUNS times with the test build in Chromium, takes a sampling CPU
 * profile, and prints the extension's self time by function (and by phase: parse/compile, setup, walk, match).
 * `npx tsx tests/bench/profile-no-mention.ts [page.html …]` after `npm run build:test`.
 */
import { extensionSamples, profiledLoad } from './cpu-profile';
import { keepOffline, launchWithExtension, startServer } from '../browser/harness';

const pages = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['bbc-1.html', 'cnet.html', 'heise.html', 'mozilla-1.html', 'theverge.html'];
const RUNS = Number(process.env.PROFILE_RUNS ?? 5);
const { server, origin } = await startServer();
const { context } = await launchWithExtension();
await keepOffline(context, origin);
const selfByFunction = new Map<string, number>();
let totalMs = 0;
let loads = 0;
for (const name of pages) {
  for (let r = 0; r < RUNS; r++) {
    const profile = await profiledLoad(context, `${origin}/shared/${name}?csp=strict`, 50);
    for (const { ms, frame } of extensionSamples(profile)) {
      const file = frame.url ? frame.url.split('/').pop() : '';
      const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
      selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + ms);
      totalMs += ms;
    }
    loads++;
  }
}
await context.close();
server.close();
console.log(`${loads} loads of ${pages.join(', ')}: extension main-thread time ${(totalMs / loads).toFixed(2)} ms per load`);
for (const [key, ms] of [...selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`${(ms / loads).toFixed(2).padStart(7)} ms  ${((100 * ms) / totalMs).toFixed(1).padStart(5)} %  ${key}`);
}
