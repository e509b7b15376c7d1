// Opens the app's API reference page (/api/docs) in Debian's headless Chromium through playwright-core (never a
// downloaded browser) and prints, as one JSON line, what a reader gets: each rendered operation (method, path,
// operationId, summary), every request the page made (any off loopback is aborted, and listed), Content-Security-Policy
// violations and script errors. Run by ApiReferenceInBrowserTests:
//   node api-docs-page.mjs <app base URL> <operations expected> [chromium path]
// With API_DOCS_SCREENSHOT=<file.png> set it also saves the page as a picture, to look at.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [baseUrl, expected = "1", executablePath = "/usr/bin/chromium"] = process.argv.slice(2);
const userDataDir = await mkdtemp(join(tmpdir(), "odoofunctions-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const requests = [];
const offLoopback = [];
const errors = [];
try {
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLoopback(url)) {
      return route.continue();
    }
    offLoopback.push(url);
    return route.abort("blockedbyclient");
  });
  context.on("request", (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  const response = await page.goto(new URL("/api/docs", baseUrl).href, { waitUntil: "load" });
  // Rendered once the document is fetched and read; what is on the page is printed either way, so a test can name what is missing.
  await page
    .waitForFunction((n) => document.querySelectorAll(".opblock").length >= n, Number(expected), { timeout: 60_000 })
    .catch((error) => errors.push(`waiting for ${expected} operations: ${error.message}`));
  const operations = await page.$$eval(".opblock", (blocks) =>
    blocks.map((block) => ({
      method: block.querySelector(".opblock-summary-method")?.textContent?.trim() ?? "",
      path: block.querySelector(".opblock-summary-path")?.getAttribute("data-path") ?? "",
      operationId: block.querySelector(".opblock-summary-operation-id")?.textContent?.trim() ?? "",
      summary: block.querySelector(".opblock-summary-description")?.textContent?.trim() ?? "",
    })),
  );
  // Opened one by one, as a reader would: parameters, bodies and answers render under the page's policy too.
  for (const control of await page.$$(".opblock-summary-control")) {
    await control.click();
  }
  await page
    .waitForFunction((n) => document.querySelectorAll(".opblock-body").length >= n, operations.length, { timeout: 60_000 })
    .catch((error) => errors.push(`waiting for the operations to open: ${error.message}`));
  const violations = await page.evaluate(() => window.__violations);
  if (process.env.API_DOCS_SCREENSHOT) {
    await page.screenshot({ path: process.env.API_DOCS_SCREENSHOT, fullPage: true });
  }
  console.log(JSON.stringify({ status: response?.status() ?? 0, title: await page.title(), operations, requests, offLoopback, violations, errors }));
} finally {
  await context.close();
  await rm(userDataDir, { recursive: true, force: true });
}

function isLoopback(url) {
  const { protocol, hostname } = new URL(url);
  return protocol === "data:" || hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}
