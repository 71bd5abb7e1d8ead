// German: Pipelines and jobs: the lists candidates are on, and their members.
import type { Translation } from "..";
import type { lists as english } from "../en/lists";

export const lists: Translation<typeof english> = {};
