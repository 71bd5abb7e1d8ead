import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";
import { askEarly } from "./lib/opening";
import { startLocale } from "./lib/i18n";

// Where the start of the window goes (`talentdesk-cli bench app` reports these marks).
performance.mark("script");
askEarly();
const target = document.getElementById("app");
if (!target) throw new Error("missing #app");
// The first paint is already in the OS's language (asking takes a millisecond or two).
await startLocale();
export default mount(App, { target });
