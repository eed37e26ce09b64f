/** The demo bank's staff: per branch a manager, relationship managers, tellers and a service agent. */
import type { Staff } from "../schemas/staff.js";
import type { StaffRole } from "../schemas/enums.js";
import { createRandom } from "./random.js";
import { BRANCHES, GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from "./reference-data.js";

export interface DemoStaffDirectory {
  all: Staff[];
  relationshipManagersOf(branchId: string): Staff[];
}

const PER_BRANCH: readonly (readonly [StaffRole, number])[] = [
  ["branch_manager", 1],
  ["relationship_manager", 6],
  ["teller", 3],
  ["service_agent", 1],
];

export function generateStaff(seed: string): DemoStaffDirectory {
  const r = createRandom(`${seed}:staff`);
  const all: Staff[] = [];
  const name = () =>
    r.weighted(SURNAMES) + r.pick(r.bool(0.5) ? GIVEN_MALE : GIVEN_FEMALE) + r.pick(GIVEN_FEMALE.concat(GIVEN_MALE));
  for (const branch of BRANCHES) {
    for (const [role, count] of PER_BRANCH) {
      for (let i = 0; i < count; i++) {
        const id = `ST-${branch.id.slice(3)}-${role.slice(0, 2).toUpperCase()}${i + 1}`;
        all.push({
          id,
          name: name(),
          role,
          branchId: branch.id,
          ...(role === "relationship_manager" ? { workMobile: `139${r.digits(8)}` } : {}),
          active: true,
        });
      }
    }
  }
  all.push({ id: "ST-HQ-MA1", name: name(), role: "marketing", branchId: "HQ", active: true });
  all.push({ id: "ST-HQ-AU1", name: name(), role: "auditor", branchId: "HQ", active: true });
  all.push({ id: "ST-HQ-PO1", name: name(), role: "privacy_officer", branchId: "HQ", active: true });
  const byBranch = new Map<string, Staff[]>();
  for (const s of all) {
    if (s.role !== "relationship_manager") continue;
    byBranch.set(s.branchId, [...(byBranch.get(s.branchId) ?? []), s]);
  }
  return { all, relationshipManagersOf: (branchId) => byBranch.get(branchId) ?? [] };
}
