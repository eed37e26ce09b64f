/** The data table behind a picture (internal/data-table.ts): a disclosure with a plain, themed table. */
import { css } from "lit";

export const dataTableStyles = css`
  details {
    margin-top: 0.5rem;
  }
  table {
    border-collapse: collapse;
    margin-top: 0.25rem;
  }
  th,
  td {
    text-align: left;
    padding: 0.125rem 0.75rem 0.125rem 0;
    border-bottom: 1px solid var(--_border);
    font-weight: normal;
  }
  thead th {
    font-weight: 600;
  }
  td {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  [data-highlight="true"] th {
    font-weight: 600;
  }
`;
