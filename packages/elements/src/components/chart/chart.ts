/** Defines `<bankcrm-chart>`; importing this file registers the tag once. */
import { defineElement } from "../../internal/define.js";
import { BankcrmChart } from "./chart.component.js";

export { BankcrmChart };
export type { ChartDatum, ChartType } from "./chart.component.js";

defineElement("bankcrm-chart", BankcrmChart);

declare global {
  interface HTMLElementTagNameMap {
    "bankcrm-chart": BankcrmChart;
  }
}
