// The English catalogue: the source every other language translates, and the type of every key.
// One file per area of the window, so each screen's words sit together (and the German beside
// them in ../de). ICU message syntax: {name} fills in a value, {count, plural, one {…} other {…}}
// picks the plural form, {n, number} groups digits the locale's way. Keys are "area.what".
import { about } from "./about";
import { actions } from "./actions";
import { board } from "./board";
import { candidate } from "./candidate";
import { checkin } from "./checkin";
import { common } from "./common";
import { duplicates } from "./duplicates";
import { events } from "./events";
import { importing } from "./import";
import { insights } from "./insights";
import { jobs } from "./jobs";
import { lists } from "./lists";
import { matching } from "./matching";
import { palette } from "./palette";
import { partners } from "./partners";
import { profile } from "./profile";
import { resumes } from "./resumes";
import { saved } from "./saved";
import { search } from "./search";
import { problems } from "./problems";
import { settings } from "./settings";
import { sync } from "./sync";
import { templates } from "./templates";
import { webhooks } from "./webhooks";

export const en = { ...common, ...sync, ...settings, ...templates, ...checkin, ...candidate, ...profile, ...lists, ...jobs, ...board, ...palette, ...actions, ...events, ...search, ...importing, ...insights, ...problems, ...resumes, ...duplicates, ...matching, ...saved, ...partners, ...webhooks, ...about } as const;
