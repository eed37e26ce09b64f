// The bankcrm tags' JSX typings (types only; nothing is bundled from here).
import "@bankcrm/elements/react";
