import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";
import { askEarly } from "./lib/opening";

// Where the start of the window goes (`talentdesk-cli bench app` reports these marks).
performance.mark("script");
askEarly();
const target = document.getElementById("app");
if (!target) throw new Error("missing #app");
export default mount(App, { target });
