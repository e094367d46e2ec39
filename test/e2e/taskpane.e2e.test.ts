/**
 * The task pane in a real browser, as a person uses it outside Excel: build
 * it with the local Office.js, serve it on this machine, open it in headless
 * Chromium 350 px wide, choose FY22, drop the two example workbooks, read
 * the findings, download the PIR tables and open them with ExcelJS; then
 * drop a large generated workbook, watch the worker's progress bar and
 * Cancel it. Every request the page makes must go to the local server.
 * Leaves a screenshot outside the checkout (the system's temporary folder), so that `npm test`
 * changes no file; `npm run screenshot` runs it with PIR_SCREENSHOT set to
 * refresh docs/taskpane.png for the README.
 */
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildPackage, deflatedFast, numberRows, sheetXml } from "../xlsx/package";
import { serveFolder, type StaticServer } from "./static-server";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const ROOT = path.join(__dirname, "..", "..");
const EXAMPLES = path.join(ROOT, "examples");
const SCREENSHOT = process.env.PIR_SCREENSHOT ? path.resolve(ROOT, process.env.PIR_SCREENSHOT) : path.join(os.tmpdir(), "pir-taskpane.png");

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  // Said once, plainly: CI installs Debian's chromium, so this only happens on a bare machine.
  console.warn(`Skipping the real-browser test of the task pane: ${CHROMIUM} is not installed (apt-get install chromium).`);
}
const describeInBrowser = haveChromium ? describe : describe.skip;

jest.setTimeout(240_000);

describeInBrowser("the task pane in headless Chromium, in file mode", () => {
  let outDir: string;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    outDir = await fs.mkdtemp(path.join(os.tmpdir(), "pir-pane-e2e-"));
    await promisify(execFile)(
      process.execPath,
      [path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "development", "--env", "officejs=local", "--env", `out=${outDir}`],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
    );
    server = await serveFolder(outDir);
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 350, height: 900 }, acceptDownloads: true, colorScheme: "light" });
    context.on("request", (r) => requests.push(r.url()));
    page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      // office.js, loaded outside Office, tries to frame Microsoft's telemetry page: the CSP blocks it, as it should.
      if (m.type() === "error" && !/telemetryservice\.firstpartyapps\.oaspapps\.com/.test(m.text())) problems.push(`console error: ${m.text()}`);
    });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByRole("heading", { name: "PIR Budget Check" }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) await fs.rm(outDir, { recursive: true, force: true });
  });

  const summary = () => page.getByTestId("summary");

  it("opens in file mode without loading the workbook reader", async () => {
    await page.getByText("Checks the workbooks you add here.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Choose files…" }).waitFor();
    expect(await summary().textContent()).toBe("Not checked yet.");
    expect(requests.some((u) => /\/exceljs\.[0-9a-f]+\.js$/.test(u))).toBe(false);
    // Validate with nothing to check says so; the notice goes once a workbook is added (next test).
    await page.getByRole("button", { name: "Validate" }).click();
    await expect(page.getByTestId("notice").textContent()).resolves.toBe("Add at least one workbook first.");
  });

  it("checks the two example workbooks for FY22", async () => {
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel("Reporting period").selectOption("FY22");
    await page.getByRole("tab", { name: "Check" }).click();

    await page
      .getByLabel("Workbooks to check (.xlsx)")
      .setInputFiles([path.join(EXAMPLES, "peru-sizd-workplan.xlsx"), path.join(EXAMPLES, "peru-sizd-budget.xlsx")]);
    await page.waitForFunction(() => /workbooks$/.test(document.querySelector("[data-testid=summary]")?.textContent ?? ""), null, {
      timeout: 90_000,
    });
    expect(await summary().textContent()).toBe("13 errors, 10 warnings in 2 workbooks");
    expect(await summary().getAttribute("role")).toBe("status");
    expect(await page.getByTestId("checked-period").textContent()).toBe("Checked for FY22.");

    const overspend = page.getByRole("button", { name: /expenditure 242,717\.56 is above the budget 235,000\.00/ });
    await expect(overspend.textContent()).resolves.toContain("peru-sizd-budget.xlsx › Financial implementation!C5");
    // The amounts are named by what they are for the rule.
    await expect(overspend.textContent()).resolves.toContain("Budget 235,000.00");
    await expect(overspend.textContent()).resolves.toContain("Expenditure 242,717.56");
    // "Add at least one workbook first." no longer holds.
    expect(await page.getByTestId("notice").count()).toBe(0);
    await page.getByRole("heading", { name: "Errors (13)" }).waitFor();
    await page.getByRole("heading", { name: "Warnings (10)" }).waitFor();
    expect(await page.getByRole("listitem").filter({ has: page.getByRole("button") }).count()).toBeGreaterThanOrEqual(19);
    // The reader came only now, with the first file; ExcelJS is fetched only to write the PIR workbook.
    expect(requests.some((u) => /\/xlsx-read\.[0-9a-f]+\.js$/.test(u))).toBe(true);
    // The engine checked them in a worker of its own, off the page.
    expect(page.workers().some((w) => /\/engine-check\.[0-9a-f]+\.js$/.test(w.url()))).toBe(true);
  });

  it("shows what was recognised on each sheet", async () => {
    await page.getByRole("tab", { name: "Tables" }).click();
    const tables = page.getByRole("tabpanel", { name: "Tables" });
    await expect(tables.textContent()).resolves.toMatch(/Work plan.*B4:M24.*2018 … 2023 Q2 \(10\)/);
    await expect(tables.textContent()).resolves.toMatch(/Financial implementation.*Budget.*A3:C11/);
    await page.getByRole("tab", { name: "Check" }).click();
  });

  it("filters the findings and names a finding's place from the keyboard", async () => {
    const filter = page.getByLabel("Filter findings");
    await filter.fill("component 2");
    await expect(page.getByText("Showing 4 of 23 findings.").textContent()).resolves.toBeTruthy();
    await filter.fill("");
    // Tab from the filter box through the severity toggles to the first finding, then Enter.
    await filter.focus();
    const first = page.getByRole("button", { name: /expenditure 242,717\.56 is above/ });
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      if (await first.evaluate((el) => el === document.activeElement)) break;
    }
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("notice").textContent()).resolves.toBe("peru-sizd-budget.xlsx › Financial implementation!C5");
    expect(await first.getAttribute("aria-current")).toBe("true");
  });

  it("downloads the PIR tables workbook", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download PIR tables" }).click()]);
    expect(download.suggestedFilename()).toBe("pir-tables.xlsx");
    const saved = path.join(outDir, "downloaded.xlsx");
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["PIR tables", "PIR tables annotated", "Findings"]);
    const values: unknown[] = [];
    workbook.getWorksheet("PIR tables")!.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain("Total (USD)");
    expect(values).toContain(4_114_000);
    await page.getByText("Downloaded pir-tables.xlsx.").waitFor();
  });

  it("leaves a screenshot for the README, in light and dark", async () => {
    await page.getByRole("button", { name: "Dismiss" }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, animations: "disabled" });
    const brightness = () =>
      page.evaluate(() => {
        const [r, g, b] = getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor.match(/\d+/g)!.map(Number);
        return (r + g + b) / 3;
      });
    expect(await brightness()).toBeGreaterThan(200);
    // The pane follows the system's colour scheme while it is open.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForFunction(() => document.documentElement.style.colorScheme === "dark");
    expect(await brightness()).toBeLessThan(60);
    await page.screenshot({ path: path.join(os.tmpdir(), "pir-taskpane-dark.png"), animations: "disabled" });
    await page.emulateMedia({ colorScheme: "light" });
  });

  it('"Downloaded pir-tables.xlsx." goes once the findings change', async () => {
    await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download PIR tables" }).click()]);
    await page.getByText("Downloaded pir-tables.xlsx.").waitFor();
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel("Tolerance").fill("3");
    await page.getByRole("tab", { name: "Check" }).click();
    await page.getByTestId("notice").waitFor({ state: "detached" });
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel("Tolerance").fill("0.5");
    await page.getByRole("tab", { name: "Check" }).click();
    await page.waitForFunction(() => document.querySelector("[data-testid=summary]")?.textContent === "13 errors, 10 warnings in 2 workbooks");
  });

  it("a severity chip turned off looks off: hollow, dashed, unticked, struck through", async () => {
    const chip = page.getByTestId("severity-chip-error");
    const look = () =>
      chip.evaluate((el) => {
        const cs = getComputedStyle(el);
        return { pressed: el.getAttribute("aria-pressed"), background: cs.backgroundColor, border: cs.borderTopStyle, line: cs.textDecorationLine, tick: el.querySelector("svg") !== null };
      });
    await page.mouse.move(0, 0);
    const on = await look();
    expect(on).toMatchObject({ pressed: "true", border: "solid", line: "none", tick: true });
    await chip.click();
    await page.mouse.move(0, 0);
    const off = await look();
    expect(off).toMatchObject({ pressed: "false", border: "dashed", line: "line-through", tick: false });
    expect(off.background).not.toBe(on.background);
    await expect(page.getByText("Showing 10 of 23 findings.").count()).resolves.toBe(1);
    await page.getByTestId("severity-chip-error").screenshot({ path: path.join(os.tmpdir(), "pir-chip-off.png"), animations: "disabled" });
    await page.getByRole("group").first().screenshot({ path: path.join(os.tmpdir(), "pir-chips.png"), animations: "disabled" });
    await chip.click();
    expect((await look()).pressed).toBe("true");
  });

  it("reads a large workbook in a worker with a progress bar, and Cancel stops it with the page responsive", async () => {
    // 1.9 million numbers on one sheet (under the reader's 2 million), about 4 MB zipped: seconds of reading.
    const big = path.join(outDir, "big-plan.xlsx");
    const sheet = sheetXml(`<sheetData>${numberRows(76_000, 25)}</sheetData>`);
    await fs.writeFile(big, buildPackage({ sheets: [{ name: "Big", xml: "" }], extra: [deflatedFast("xl/worksheets/sheet1.xml", sheet)] }));
    const before = await summary().textContent();

    await page.getByLabel("Workbooks to check (.xlsx)").setInputFiles(big);
    const cancel = page.getByRole("button", { name: "Cancel" });
    await cancel.waitFor();
    const bar = page.getByRole("progressbar");
    await bar.waitFor();
    // The bar moves while the worker reads: the page keeps rendering (it is not blocked until the read ends).
    const values = new Set<string>();
    for (let i = 0; i < 200 && values.size < 2; i++) {
      const now = await bar.getAttribute("aria-valuenow");
      if (now !== null && Number(now) > 0) values.add(now);
      await page.waitForTimeout(25);
    }
    expect(values.size).toBeGreaterThanOrEqual(2);
    expect([...values].every((v) => Number(v) > 0 && Number(v) < 1)).toBe(true);
    await expect(page.getByText("Reading big-plan.xlsx…").count()).resolves.toBeGreaterThan(0);
    // The reading runs in a worker of its own (fetched with the first file), not on the page.
    const worker = page.workers().find((w) => /\/xlsx-read\.[0-9a-f]+\.js$/.test(w.url()));
    expect(worker).toBeDefined();
    const ended = new Promise<void>((resolve) => worker!.once("close", () => resolve()));

    await cancel.click();
    // Cancel ends the worker there and then, in the middle of its read.
    await ended;
    await expect(page.getByTestId("notice").textContent()).resolves.toBe("Cancelled: big-plan.xlsx was not added.");
    await expect(bar.count()).resolves.toBe(0);
    // Nothing was added; the pane is as it was and takes the next file at once.
    expect(await summary().textContent()).toBe(before);
    await expect(page.getByText("big-plan.xlsx", { exact: true }).count()).resolves.toBe(0);
    const choose = page.getByRole("button", { name: "Choose files…" });
    expect(await choose.first().isEnabled()).toBe(true);
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel("Reporting period").waitFor();
    await page.getByRole("tab", { name: "Check" }).click();
    await page.getByRole("button", { name: "Dismiss" }).click();
  });

  it("made no request to anything but the local server, and no error", () => {
    const elsewhere = requests.filter((u) => {
      const url = new URL(u);
      if (url.protocol === "data:") return false;
      const origin = url.protocol === "blob:" ? new URL(url.pathname).origin : url.origin;
      return origin !== server.origin;
    });
    expect(elsewhere).toEqual([]);
    expect(requests.length).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });
});
