/**
 * Names and numbers around the masking: a person's identifiers are found in
 * free text however they are typed, and masked there or refused, as the bank
 * configures — the same function in the client and on the server.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findIdentifiers,
  guardFreeText,
  identifiersOf,
  isValidationError,
  mask,
  maskIdentifiers,
} from "../src/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";

const person = {
  kind: "individual",
  name: "王小明",
  idDocument: { number: "11010519491231002X" },
  contact: { mobile: "13812345678", email: "wxm@example.com" },
};
const ids = identifiersOf([person], [{ accountNumber: "6217001234567890123" }]);

describe("identifiers in free text", () => {
  it("finds a name, an ID number, a mobile, an e-mail and a card number however they are typed", () => {
    const text =
      "与王小明通话，身份证 110105 19491231 002x，手机 138-1234-5678，卡号 6217 0012 3456 7890 123，邮箱 WXM@example.com";
    expect(findIdentifiers(text, ids).map((f) => f.kind)).toEqual(["name", "idNumber", "mobile", "bankCard", "email"]);
    expect(maskIdentifiers(text, ids)).toBe(
      "与王**通话，身份证 110***********002X，手机 138****5678，卡号 ***************0123，邮箱 w**@example.com",
    );
  });

  it("leaves masked values, other numbers and a lone surname alone", () => {
    expect(findIdentifiers("客户王**，手机 138****5678，王经理来电；订单 9138000056789", ids)).toEqual([]);
    // A 1-character name is not looked for: it would be found in every sentence.
    expect(identifiersOf([{ name: "王" }]).names).toEqual([]);
  });

  it("leaves no identifier behind once masked, wherever they sit in the text", () => {
    const id = fc.constantFrom("王小明", "13812345678", "138 1234 5678", "11010519491231002X", "6217001234567890123");
    const filler = fc.string({ unit: fc.constantFrom(..."客户来电咨询理财，。 abc"), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, id), { minLength: 1, maxLength: 4 }), filler, (parts, tail) => {
        const text = parts.map(([f, i]) => f + i).join("") + tail;
        const masked = maskIdentifiers(text, ids);
        expect(findIdentifiers(masked, ids)).toEqual([]);
        expect(masked).not.toContain("王小明");
        expect(masked).not.toMatch(/1381234|19491231|0012345678/);
      }),
    );
  });

  it("masks a record's free-text fields, or refuses them with the field and what was found, in both languages", () => {
    const task = { id: "TK-1", title: "回访王小明 13812345678", notes: "无", type: "call" };
    expect(guardFreeText("tasks", task, ids, "mask", "zh-CN")).toEqual({ ...task, title: "回访王** 138****5678" });
    expect(guardFreeText("tasks", { ...task, title: "回访" }, ids, "mask", "en")).toEqual({ ...task, title: "回访" });
    const refusal = (locale: "zh-CN" | "en") => {
      try {
        guardFreeText("tasks", task, ids, "refuse", locale);
      } catch (error) {
        return isValidationError(error) ? error.errors : error;
      }
      return undefined;
    };
    expect(refusal("zh-CN")).toEqual([
      {
        path: ["title"],
        code: "identifierInText",
        message: "请勿在此填写客户的姓名、手机号码：客户资料中已有，需要时经说明理由后查看",
      },
    ]);
    expect((refusal("en") as { message: string }[])[0]!.message).toBe(
      "Do not write the customer's name, mobile number here: it is on the customer record, shown in full only for a stated reason",
    );
  });

  it("clears the reasons kept in a record's transition history as well", () => {
    const opportunity = {
      id: "OP-1",
      title: "大额存单续作",
      lostReason: "王小明选择了他行",
      history: [
        {
          event: "lose",
          from: "proposal",
          to: "lost",
          at: "2026-11-30T02:00:00Z",
          by: "ST-1",
          reason: "王小明选择了他行",
        },
      ],
    };
    expect(guardFreeText("opportunities", opportunity, ids, "mask", "en")).toMatchObject({
      lostReason: "王**选择了他行",
      history: [{ reason: "王**选择了他行" }],
    });
    expect(() => guardFreeText("opportunities", { ...opportunity, lostReason: "价格" }, ids, "refuse", "en")).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ path: ["history", 0, "reason"] })] }),
    );
  });

  it("finds no customer's full name in the demo bank's free text", () => {
    const book = generateDemoPortfolio({ seed: "free-text", customers: 400 });
    const byId = new Map(book.customers.map((c) => [c.id, c]));
    const texts = [
      ...book.opportunities.map((o) => [o.customerId, o.title] as const),
      ...book.tasks.map((t) => [t.customerId, t.title] as const),
      ...book.interactions.map((i) => [i.customerId, i.summary] as const),
    ];
    expect(texts.length).toBeGreaterThan(100);
    const named = texts.filter(([id, text]) => {
      const c = id ? byId.get(id) : undefined;
      return c && findIdentifiers(text, identifiersOf([c])).length > 0;
    });
    expect(named).toEqual([]);
    // Households are named by surname, as masked names show it.
    for (const g of book.relationshipGroups.filter((x) => x.kind === "household"))
      expect(g.name).toBe(`${mask(byId.get(g.members[0]!.customerId)!.name, "name")[0]}氏家庭`);
  });
});
