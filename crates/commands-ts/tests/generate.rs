//! The generator over a small app of its own: which commands it writes, and what it refuses.

use std::fs;
use std::path::Path;

use talentdesk_commands_ts::generate;

/// An app with `main.rs` registering `registered`, a `notes` module and a nested `door::kiosk`.
fn app(registered: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    fs::create_dir_all(src.join("door")).unwrap();
    fs::create_dir_all(dir.path().join("bindings")).unwrap();
    fs::write(
        src.join("main.rs"),
        format!(
            "mod notes; mod door;
             fn main() {{ tauri::Builder::default().invoke_handler(tauri::generate_handler![{registered}]); }}"
        ),
    )
    .unwrap();
    fs::write(
        src.join("notes.rs"),
        r#"
        /// The candidate's notes, newest first.
        #[tauri::command]
        pub async fn notes(state: State<'_, AppState>, candidate_id: Uuid) -> Result<Vec<Note>, AppError> { todo!() }
        #[tauri::command]
        pub fn unregistered(secret: Secret) {}
        pub fn helper(x: Secret) {}
        "#,
    )
    .unwrap();
    fs::write(src.join("door.rs"), "pub mod kiosk;").unwrap();
    fs::write(
        src.join("door/kiosk.rs"),
        "#[tauri::command] pub fn kiosk_forget(kiosk: State<'_, Kiosk>, window: Window) {}",
    )
    .unwrap();
    for binding in ["Note", "AppError"] {
        fs::write(dir.path().join("bindings").join(format!("{binding}.ts")), "").unwrap();
    }
    dir
}

fn run(dir: &Path) -> Result<String, String> {
    generate(&dir.join("src"), &dir.join("bindings")).map_err(|e| e.to_string())
}

#[test]
fn writes_the_registered_commands_in_order_and_only_those() {
    let dir = app("door::kiosk::kiosk_forget, crate::notes::notes");
    let ts = run(dir.path()).unwrap();
    assert!(ts.contains("import { call } from \"../ipc\";\nimport type { Note } from \"./Note\";\n"), "{ts}");
    let forget = ts.find("  kioskForget: () => call<void>(\"kiosk_forget\"),").expect(&ts);
    let notes = ts
        .find(
            "  /** The candidate's notes, newest first. */\n  notes: (args: { candidateId: string }) => \
             call<Array<Note>>(\"notes\", args),",
        )
        .expect(&ts);
    assert!(forget < notes, "registration order");
    assert!(!ts.contains("unregistered"), "a command main.rs does not register is not offered: {ts}");
}

#[test]
fn a_registered_command_missing_from_the_source_is_an_error() {
    let dir = app("notes::notes, notes::renamed");
    assert_eq!(
        run(dir.path()).unwrap_err(),
        "main.rs registers `notes::renamed`, but no #[tauri::command] fn is at that path in the source"
    );
}

#[test]
fn a_registered_command_with_an_unknown_type_names_it() {
    let dir = app("notes::unregistered");
    let err = run(dir.path()).unwrap_err();
    assert!(err.starts_with("command `unregistered`, argument `secret`: `Secret` has no TypeScript binding"), "{err}");
    assert!(err.ends_with("notes.rs)"), "{err}");
}
