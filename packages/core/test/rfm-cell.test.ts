import { describe, expect, it } from "vitest";
import { BankcrmInvalidArgumentError, compileSegment, customerFieldCatalog, type CustomerView } from "../src/index.js";
import { rfmCell, rfmCellRule, rfmSegment } from "../src/analytics/index.js";

const view = (r: number, f: number, m: number) => ({ id: `C${r}${f}${m}`, rfmR: r, rfmF: f, rfmM: m }) as CustomerView;
const all = [1, 2, 3, 4, 5].flatMap((r) => [1, 2, 3, 4, 5].flatMap((f) => [1, 2, 3, 4, 5].map((m) => view(r, f, m))));

describe("RFM cells", () => {
  it("puts R, F, M on the (R, FM) grid, halves rounded up, with the grid's segment", () => {
    expect(rfmCell(5, 5, 4)).toEqual({ r: 5, fm: 5, segment: "champions" }); // (5 + 4) / 2 = 4.5 → 5
    expect(rfmCell(3, 2, 3)).toEqual({ r: 3, fm: 3, segment: "need_attention" }); // 2.5 → 3
    expect(rfmCell(1, 1, 2)).toEqual({ r: 1, fm: 2, segment: "hibernating" }); // 1.5 → 2
    expect(rfmCell(2, 5, 5)).toEqual({ r: 2, fm: 5, segment: "cant_lose" });
    expect(() => rfmCell(0, 3, 3)).toThrow(BankcrmInvalidArgumentError);
    expect(() => rfmCellRule(3, 6)).toThrow(BankcrmInvalidArgumentError);
  });

  it("opens each of the 25 cells as a segment holding exactly that cell's customers, the 125 scores over them", () => {
    let members = 0;
    for (let r = 1; r <= 5; r++)
      for (let fm = 1; fm <= 5; fm++) {
        const definition = {
          schemaVersion: 1 as const,
          id: `rfm-${r}-${fm}`,
          name: "cell",
          version: 1,
          rule: rfmCellRule(r, fm),
        };
        const inCell = all.filter(compileSegment(definition, customerFieldCatalog));
        const expected = all.filter((v) => v.rfmR === r && rfmCell(v.rfmR, v.rfmF!, v.rfmM!).fm === fm);
        expect(inCell.map((v) => v.id)).toEqual(expected.map((v) => v.id));
        expect(inCell.length).toBeGreaterThan(0);
        for (const v of inCell) expect(rfmCell(v.rfmR!, v.rfmF!, v.rfmM!).segment).toBe(rfmSegment(r, fm));
        members += inCell.length;
      }
    expect(members).toBe(125); // every score in one cell
  });
});
