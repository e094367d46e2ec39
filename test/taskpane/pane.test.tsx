/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// Node's export conditions: the example workbooks are read with ExcelJS's Node
// build (its uuid dependency's browser build is ESM, which jest does not load).
import { TextDecoder, TextEncoder } from "util";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { SessionContext } from "../../src/taskpane/pane-context";
import { PaneSession } from "../../src/taskpane/session";
import { exampleFile, exampleGrid, fakeExcel, recordingIo } from "./helpers/fake-host";

// jsdom's window lacks what the workbook reader uses to decode zip entry names.
Object.assign(globalThis, { TextDecoder, TextEncoder });

// Role queries compute accessible names over the whole pane: slow in jsdom, so they are scoped.
jest.setTimeout(60_000);
const checkPanel = () => within(document.getElementById("pane-panel-check")!);
const findingsRegion = (label = "Findings, grouped by severity and component") => within(checkPanel().getByLabelText(label));
const findingButton = (text: RegExp, label?: string) => findingsRegion(label).getByText(text).closest("button")!;
const SPANISH_REGION = "Hallazgos, agrupados por gravedad y componente";

async function renderExcelPane() {
  const host = fakeExcel(await exampleGrid("peru-sizd-workplan.xlsx"), { period: "FY22" });
  const session = new PaneSession(host, recordingIo());
  render(
    <SessionContext.Provider value={session}>
      <App theme={webLightTheme} />
    </SessionContext.Provider>,
  );
  await act(async () => {
    await session.start();
    await session.addFiles([exampleFile("peru-sizd-budget.xlsx")]);
  });
  return { host, session };
}

describe("the task pane, rendered", () => {
  it("says what was found in one line, in a live region", async () => {
    await renderExcelPane();
    const summary = checkPanel().getByRole("status");
    expect(summary.textContent).toBe("13 errors, 10 warnings in 2 workbooks");
    expect(summary.getAttribute("aria-live")).toBe("polite");
    expect(findingsRegion().getByText("Errors (13)").tagName).toBe("H3");
    expect(findingsRegion().getByText("Warnings (10)").tagName).toBe("H3");
    // Both workbooks are listed, the open one marked as such and not removable.
    expect(screen.getByText("· This workbook", { exact: false })).toBeTruthy();
    expect(screen.queryByLabelText("Remove peru-sizd-workplan.xlsx")).toBeNull();
    expect(screen.getByLabelText("Remove peru-sizd-budget.xlsx").tagName).toBe("BUTTON");
  });

  it("selects the cell in Excel when a finding is clicked", async () => {
    const { host } = await renderExcelPane();
    const item = findingButton(/Component 1: by 2022 Q4 the amounts add up to 236,354\.50/);
    // The amounts are named by what they are for this rule, not "Expected" and "Actual".
    expect(item.textContent).toContain("Budget 235,000.00");
    expect(item.textContent).toContain("Sum to that period 236,354.50");
    expect(item.textContent).not.toContain("Expected");
    await act(async () => {
      fireEvent.click(item);
    });
    expect(host.openWorkbook.selectCell.mock.calls).toEqual([["Work plan", "K5"]]);
    expect(item.getAttribute("aria-current")).toBe("true");
  });

  it("filters the list by severity and by text", async () => {
    await renderExcelPane();
    const findings = () => {
      const region = checkPanel().queryByLabelText("Findings, grouped by severity and component");
      return region ? within(region).queryAllByRole("listitem") : [];
    };
    const errorsToggle = checkPanel().getByText("Errors 13").closest("button")!;
    const filterBox = checkPanel().getByLabelText("Filter findings");
    expect(findings()).toHaveLength(23);
    fireEvent.click(errorsToggle);
    expect(errorsToggle.getAttribute("aria-pressed")).toBe("false");
    expect(findings()).toHaveLength(10);
    expect(checkPanel().getByText("Showing 10 of 23 findings.")).toBeTruthy();
    // Words of the rule count too: the one duplicate is a warning.
    fireEvent.change(filterBox, { target: { value: "DUPLICATE" } });
    expect(findings().map((li) => li.textContent)).toEqual([expect.stringContaining("exactly the same amount as Component 2")]);
    fireEvent.change(filterBox, { target: { value: "component 1:" } });
    expect(findings()).toHaveLength(1);
    fireEvent.click(errorsToggle);
    expect(findings()).toHaveLength(3);
    fireEvent.change(filterBox, { target: { value: "nothing like this" } });
    expect(findings()).toHaveLength(0);
    expect(checkPanel().getByText("No finding matches the filter.")).toBeTruthy();
  });

  it("speaks Spanish everywhere once Spanish is chosen", async () => {
    const { host } = await renderExcelPane();
    fireEvent.click(document.getElementById("pane-tab-settings")!);
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Language"), { target: { value: "es" } });
    });
    const tabs = within(screen.getByRole("tablist"));
    expect(tabs.getAllByRole("tab").map((t) => t.querySelector(".fui-Tab__content")!.textContent)).toEqual(["Revisar", "Tablas", "Configuración"]);
    expect(screen.getByLabelText("Idioma").tagName).toBe("SELECT");
    expect(screen.getByLabelText("Período del informe").tagName).toBe("SELECT");
    // Numbers in the fields are written the Spanish way, and read so.
    const tolerance = screen.getByLabelText("Tolerancia") as HTMLInputElement;
    expect(tolerance.value).toBe("0,5");
    await act(async () => {
      fireEvent.change(tolerance, { target: { value: "0,75" } });
    });
    expect(host.saved.at(-1)).toMatchObject({ tolerance: 0.75 });
    fireEvent.blur(tolerance);
    expect(tolerance.value).toBe("0,75");
    fireEvent.click(document.getElementById("pane-tab-check")!);
    expect(checkPanel().getByRole("status").textContent).toBe("13 errores, 10 advertencias en 2 libros");
    expect(checkPanel().getByText("Validar")).toBeTruthy();
    expect(findingsRegion(SPANISH_REGION).getByText("Errores (13)").tagName).toBe("H3");
    // The findings come from the engine in Spanish too, amounts written the Spanish way.
    expect(findingButton(/Componente 1: el gasto 242\.717,56/, SPANISH_REGION).textContent).toContain("Presupuesto 235.000,00");
    expect(findingButton(/Componente 1: el gasto 242\.717,56/, SPANISH_REGION).textContent).toContain("Gasto 242.717,56");
    expect(host.saved.at(-1)).toMatchObject({ language: "es", period: "FY22" });
  });

  it("sets the PMC cap by GEF's rule or by hand, its base, and the GEF grant; the findings follow", async () => {
    const { host, session } = await renderExcelPane();
    fireEvent.click(document.getElementById("pane-tab-settings")!);
    const rule = screen.getByTestId("pmc-rule") as HTMLSelectElement;
    expect(rule.value).toBe("gef");
    expect(screen.queryByTestId("pmc-cap")).toBeNull();
    const capFindings = () => session.getState().report!.findings.filter((f) => f.rule === "cap.pmc").length;
    // GEF's 5 % (the grant is above USD 2 million): the budgets are under it, PMC's spending is not.
    expect(capFindings()).toBe(1);
    await act(async () => {
      fireEvent.change(rule, { target: { value: "custom" } });
    });
    const cap = screen.getByTestId("pmc-cap") as HTMLInputElement;
    expect(cap.value).toBe("5");
    // PMC is 4.74 % of the total: a 2 % cap of the whole budget makes it a finding in each table (and its spending one).
    await act(async () => {
      fireEvent.change(screen.getByTestId("pmc-base"), { target: { value: "total" } });
      fireEvent.change(cap, { target: { value: "2" } });
    });
    expect(capFindings()).toBe(3);
    expect(host.saved.at(-1)).toMatchObject({ pmcCap: 0.02, pmcBase: "total" });
    // A grant the budget does not add up to.
    await act(async () => {
      fireEvent.change(screen.getByTestId("gef-grant"), { target: { value: "4114400" } });
    });
    expect(session.getState().report!.findings.filter((f) => f.rule === "grant.total").length).toBeGreaterThan(0);
    expect(host.saved.at(-1)).toMatchObject({ gefGrant: 4_114_400 });
    // Emptied, the grant is read from the workbook again; a cap back to GEF's rule is not stored.
    await act(async () => {
      fireEvent.change(screen.getByTestId("gef-grant"), { target: { value: "" } });
      fireEvent.change(rule, { target: { value: "gef" } });
    });
    expect(host.saved.at(-1)).not.toHaveProperty("gefGrant");
    expect(host.saved.at(-1)).not.toHaveProperty("pmcCap");
    expect(capFindings()).toBe(1);
  });
});
