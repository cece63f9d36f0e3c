import { configure } from "@testing-library/react";

// findBy*/waitFor settle as soon as what they wait for appears, so a longer bound costs a passing test
// nothing; it keeps a loaded machine (the first Fluent UI render in happy-dom alone takes ~0.4 s, and a
// lazily loaded chunk more) from failing a test whose pane is merely slow. Default: 1 s.
configure({ asyncUtilTimeout: 10_000 });
