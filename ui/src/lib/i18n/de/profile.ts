// German: A candidate's profile: its header, tabs, blocks, documents, messages and History.
import type { Translation } from "..";
import type { profile as english } from "../en/profile";

export const profile: Translation<typeof english> = {};
