/**
 * Households and company groups kept on the bank's server: the relationship manager or branch manager writes them;
 * every new member is a customer the writer may see.
 */
import { describe, expect, it } from "vitest";
import { useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call, member, rm, seededServer } from "./support/demo-bank.js";

const teller = member("ST-BJ-CY-TE1");
const manager = member("ST-BJ-CY-BR1");
// Customers of the branch: the branch manager's scope; the relationship manager's book is a part of it.
const branch = book.customers.filter((c) => c.branchId === manager.branchId && c.relationshipManagerId !== rm.id);
const elsewhere = book.customers.find((c) => c.branchId !== rm.branchId)!;

describe("a household kept on the server", () => {
  const server = seededServer(useReferenceServer({ database: "pglite" }));

  it("is written with customers the writer may see, never with one they may not", async () => {
    const s = await server();
    const [head, spouse, child] = [branch[0]!, branch[1]!, branch[2]!];
    const two = [
      { customerId: head.id, role: "head" },
      { customerId: spouse.id, role: "spouse" },
    ];
    const create = (who: typeof rm, id: string, members: unknown[]) =>
      call(s, who, "POST", "relationshipGroups", { id, kind: "household", name: "测试之家", members });
    expect((await create(teller, "HH-T", two)).status).toBe(403);
    // The relationship manager sees their own book only: the branch's other customers are not theirs to group.
    expect((await create(rm, "HH-R", two)).status).toBe(404);
    expect((await create(manager, "HH-X", [two[0], { customerId: elsewhere.id, role: "spouse" }])).status).toBe(404);
    const made = await create(manager, "HH-1", two);
    expect(made.status, made.text).toBe(201);
    const update = (members: unknown[]) =>
      call(
        s,
        manager,
        "PUT",
        "relationshipGroups/HH-1",
        { id: "HH-1", kind: "household", name: "测试之家", members, version: 1 },
        { "If-Match": '"v1"' },
      );
    expect((await update([...two, { customerId: elsewhere.id, role: "child" }])).status).toBe(404);
    const grown = await update([...two, { customerId: child.id, role: "child" }]);
    expect(grown.status, grown.text).toBe(200);
    const read = (await call(s, manager, "GET", `relationshipGroups?customerId=${child.id}`)).json().items as {
      id: string;
    }[];
    expect(read.map((g) => g.id)).toContain("HH-1");
  });

  it("keeps a member of another branch: the branch manager neither adds nor takes one out", async () => {
    const s = await server();
    const [head, other] = [branch[3]!, branch[4]!];
    // A company group across branches, as the bank's systems loaded it.
    await s.db.put("relationshipGroups", {
      id: "CG-1",
      kind: "corporate_group",
      name: "跨区域集团",
      members: [
        { customerId: head.id, role: "parent_company" },
        { customerId: elsewhere.id, role: "subsidiary" },
      ],
      version: 1,
    });
    const put = (members: unknown[]) =>
      call(
        s,
        manager,
        "PUT",
        "relationshipGroups/CG-1",
        { id: "CG-1", kind: "corporate_group", name: "跨区域集团", members, version: 1 },
        { "If-Match": '"v1"' },
      );
    expect(
      (
        await put([
          { customerId: head.id, role: "parent_company" },
          { customerId: other.id, role: "affiliate" },
        ])
      ).status,
    ).toBe(404);
    const grown = await put([
      { customerId: head.id, role: "parent_company" },
      { customerId: elsewhere.id, role: "subsidiary" },
      { customerId: other.id, role: "affiliate" },
    ]);
    expect(grown.status, grown.text).toBe(200);
  });
});
