// English: Pipelines and jobs: the lists candidates are on, and their members.
export const lists = {} as const;
