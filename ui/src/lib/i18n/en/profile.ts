// English: A candidate's profile: its header, tabs, blocks, documents, messages and History.
export const profile = {} as const;
