/**
 * The hostile case of docs/contract.md §5, 1,000 gated scripts inserted in one burst after consent:
 * how long the widget holds the main thread while it releases them. temoin only: the peers do not release
 * scripts inserted after their start.
 */
import { open } from './measure.mjs';

export const BURST_SIZE = 1000;

/**
 * @typedef {object} BurstSample
 * @property {number} appendMs the page's own insertion of the scripts (one DOM append)
 * @property {number} longestTaskMs longest main-thread task from the insertion until all ran (0: none of 50 ms or more)
 * @property {number} longTasks tasks of 50 ms or more in that time
 * @property {number} allRanMs from the insertion until the last script ran
 * @property {boolean} eachOnce every script ran exactly once, in document order
 */

/**
 * One fresh context: the scenario page, "accept all" through the API, then the page inserts
 * `BURST_SIZE` gated inline scripts in one append.
 * @returns {Promise<BurstSample>}
 */
export async function burst(browser, lib, pass, server) {
  const session = await open(browser, lib, pass, server);
  const { page, context } = session;
  try {
    await page.goto(session.url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.Temoin?.get(), null, { timeout: pass.timeoutMs });
    await page.evaluate(() => window.Temoin.get().acceptAll());
    return await page.evaluate(
      ([size, timeout]) =>
        new Promise((resolve, reject) => {
          const tasks = [];
          const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
          observer.observe({ type: 'longtask' });
          window.__burst = [];
          window.__burstDone = () => {
            const allRanMs = performance.now() - start;
            // long-task entries arrive after their task: give them a moment
            setTimeout(() => {
              observer.disconnect();
              const during = tasks.filter((t) => t.startTime + t.duration >= start);
              const ran = window.__burst;
              resolve({
                appendMs,
                longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
                longTasks: during.length,
                allRanMs,
                eachOnce: ran.length === size && ran.every((n, i) => n === i),
              });
            }, 300);
          };
          setTimeout(() => reject(new Error(`burst: not all ${size} scripts ran within ${timeout} ms`)), timeout);
          const fragment = document.createDocumentFragment();
          for (let i = 0; i < size; i++) {
            const script = document.createElement('script');
            script.type = 'text/plain';
            script.dataset.temoinTracker = i % 2 ? 'matomo' : 'google-analytics';
            script.text = `window.__burst.push(${i});${i === size - 1 ? 'window.__burstDone();' : ''}`;
            fragment.append(script);
          }
          const start = performance.now();
          document.body.append(fragment);
          const appendMs = performance.now() - start;
        }),
      /** @type {const} */ ([BURST_SIZE, pass.timeoutMs]),
    );
  } finally {
    await context.close();
  }
}
