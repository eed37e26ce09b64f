/**
 * JSX typings for React 19 hosts: `import "@bankcrm/elements/react";` once (e.g. in a
 * global.d.ts) and the bankcrm tags type-check in TSX, with their properties and
 * `onBankcrm…` event props. (React 19 sets unknown props on custom elements as properties.)
 */
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type {
  BankcrmCustomerCard,
  BankcrmProvider,
  BankcrmRevealErrorEvent,
  BankcrmRevealEvent,
  BankcrmRevealedEvent,
  BankcrmTierBadge,
  BankcrmValueBadge,
} from "../dist/index.js";

type ElementProps<E extends HTMLElement, Props> = DetailedHTMLProps<HTMLAttributes<E>, E> & Partial<Props>;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "bankcrm-provider": ElementProps<BankcrmProvider, Pick<BankcrmProvider, "client" | "user" | "locale" | "theme">>;
      "bankcrm-tier-badge": ElementProps<BankcrmTierBadge, Pick<BankcrmTierBadge, "tier" | "locale">>;
      "bankcrm-value-badge": ElementProps<
        BankcrmValueBadge,
        Pick<BankcrmValueBadge, "tier" | "value" | "loading" | "error" | "locale">
      >;
      "bankcrm-customer-card": ElementProps<
        BankcrmCustomerCard,
        Pick<
          BankcrmCustomerCard,
          "customer" | "value" | "figures" | "names" | "layout" | "offline" | "loading" | "error" | "locale" | "client"
        > & {
          "customer-id": string;
          "reveal-reason": string;
          onBankcrmReveal: (event: BankcrmRevealEvent) => void;
          onBankcrmRevealed: (event: BankcrmRevealedEvent) => void;
          onBankcrmRevealError: (event: BankcrmRevealErrorEvent) => void;
        }
      >;
    }
  }
}
