import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";

// Where the start of the window goes (`talentdesk-cli bench app` reports these marks).
performance.mark("script");
const target = document.getElementById("app");
if (!target) throw new Error("missing #app");
export default mount(App, { target });
