// The spreadsheet import under way, if any: the file chosen or dropped opens the import dialog
// (ImportDialog.svelte) on it; Close forgets it.
class Importer {
  /** The file being imported; null when no import is open. */
  path = $state<string | null>(null);

  start(path: string) {
    this.path = path;
  }

  close() {
    this.path = null;
  }
}

export const importer = new Importer();
