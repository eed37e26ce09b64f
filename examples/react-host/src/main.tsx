/**
 * A React 19 host: it passes objects as properties (client, prefill), listens
 * to bankcrm-* events with typed handlers, and keeps its own state from them.
 */
import { StrictMode, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import "@bankcrm/elements/provider.js";
import "@bankcrm/elements/lead-form.js";
import "@bankcrm/elements/tier-badge.js";
import { createCrmClient, createMemoryStore } from "@bankcrm/data";

function App() {
  const client = useMemo(
    () =>
      createCrmClient({
        store: createMemoryStore(),
        user: { id: "ST-RM-REACT", role: "relationship_manager", branchId: "BR-BJ-CY" },
        onAudit: () => {},
      }),
    [],
  );
  const [saved, setSaved] = useState<string[]>([]);
  const [problem, setProblem] = useState("");
  return (
    <bankcrm-provider client={client} locale="zh-CN">
      <h1>
        React 主机 <bankcrm-tier-badge tier="gold" />
      </h1>
      <bankcrm-lead-form
        purpose="credit_card"
        audience="staff"
        consent-version="2026-11"
        prefill={{ name: "" }}
        onbankcrm-lead-saved={(e) => setSaved((list) => [...list, `${e.detail.lead.id} (${e.detail.status})`])}
        onbankcrm-lead-error={(e) => setProblem(String(e.detail.error))}
      />
      <h2>已保存的线索</h2>
      <ul data-testid="saved">
        {saved.map((id) => (
          <li key={id}>{id}</li>
        ))}
      </ul>
      {problem ? <p role="alert">{problem}</p> : null}
    </bankcrm-provider>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
