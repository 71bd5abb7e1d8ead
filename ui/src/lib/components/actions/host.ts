// One action host serves the whole window (mounted by App.svelte): menus anywhere open an
// action through it.
import type { ActionId } from "../../actions";
import type { Target } from "./target";

let host: ((id: ActionId, target: Target) => void) | null = null;

export function provideActionHost(open: (id: ActionId, target: Target) => void) {
  host = open;
}

export function openAction(id: ActionId, target: Target) {
  host?.(id, target);
}
