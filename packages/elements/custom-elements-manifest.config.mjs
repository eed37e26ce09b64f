// The analyzer records each `dispatchEvent(new BankcrmXxxEvent(...))` as an event it cannot name;
// the named ones come from the classes' @event JSDoc. Drop the nameless duplicates.
export default {
  plugins: [
    {
      name: "bankcrm-drop-nameless-events",
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules ?? [])
          for (const declaration of module.declarations ?? [])
            if (Array.isArray(declaration.events)) declaration.events = declaration.events.filter((e) => e.name);
      },
    },
  ],
};
