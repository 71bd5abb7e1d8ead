//! Writes ui/src/lib/bindings/commands.ts from the app's source, as ts-rs writes the other
//! bindings when tests run; CI fails when the committed file differs (scripts/test.sh).

use std::path::Path;

#[test]
fn the_windows_calls_are_written_from_the_registered_commands() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bindings = root.join("ui/src/lib/bindings");
    let ts = talentdesk_commands_ts::generate(&root.join("src-tauri/src"), &bindings).unwrap_or_else(|e| panic!("{e}"));
    let file = bindings.join(format!("{}.ts", talentdesk_commands_ts::OUTPUT_STEM));
    // Unchanged files keep their time, so the dev server does not reload for nothing.
    if std::fs::read_to_string(&file).ok().as_deref() != Some(ts.as_str()) {
        std::fs::write(&file, &ts).unwrap();
    }
    assert!(ts.contains(
        "  search: (args: { request: SearchRequest; page: PageRequest }) => call<SearchPage>(\"search\", args),"
    ));
}
