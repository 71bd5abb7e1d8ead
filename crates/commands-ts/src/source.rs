//! The app's source as the generator reads it: every `#[tauri::command]` function under its
//! module path, and the commands main.rs registers in `generate_handler![...]`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use syn::punctuated::Punctuated;
use syn::visit::Visit;
use syn::{Item, ItemFn};

use crate::Error;
use crate::command::is_command;

/// A command function and the file it is in.
pub struct Found {
    pub file: PathBuf,
    pub item: ItemFn,
}

/// Every command under `src` (the crate root is `main.rs`) by its module path, such as
/// `checkin::kiosk::enter_kiosk`.
pub fn commands(src: &Path) -> Result<BTreeMap<String, Found>, Error> {
    let mut found = BTreeMap::new();
    for file in rust_files(src)? {
        let module = module_path(src, &file);
        let parsed = parse(&file)?;
        collect(&parsed.items, &module, &file, &mut found);
    }
    Ok(found)
}

/// The paths listed in main.rs's `tauri::generate_handler![...]`, in order.
pub fn registered(main: &Path) -> Result<Vec<String>, Error> {
    struct Handler(Option<syn::Result<Vec<String>>>);
    impl Visit<'_> for Handler {
        fn visit_macro(&mut self, mac: &syn::Macro) {
            if mac.path.segments.last().is_some_and(|s| s.ident == "generate_handler") {
                let paths = mac.parse_body_with(Punctuated::<syn::Path, syn::Token![,]>::parse_terminated);
                self.0 = Some(paths.map(|p| p.iter().map(path_text).collect()));
            }
        }
    }
    let mut handler = Handler(None);
    handler.visit_file(&parse(main)?);
    match handler.0 {
        Some(Ok(paths)) => Ok(paths),
        Some(Err(e)) => Err(Error::Source { file: main.to_owned(), problem: format!("generate_handler!: {e}") }),
        None => Err(Error::Source { file: main.to_owned(), problem: "no tauri::generate_handler![...] in it".into() }),
    }
}

fn collect(items: &[Item], module: &[String], file: &Path, found: &mut BTreeMap<String, Found>) {
    for item in items {
        match item {
            Item::Fn(f) if is_command(&f.attrs) => {
                let path = module.iter().cloned().chain([f.sig.ident.to_string()]).collect::<Vec<_>>().join("::");
                found.insert(path, Found { file: file.to_owned(), item: f.clone() });
            }
            Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    let nested: Vec<String> = module.iter().cloned().chain([m.ident.to_string()]).collect();
                    collect(inner, &nested, file, found);
                }
            }
            _ => {}
        }
    }
}

/// `checkin/kiosk.rs` is `checkin::kiosk`; `main.rs` and `lib.rs` are the crate root and a
/// `mod.rs` is its folder's module.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if matches!(parts.as_slice(), [root] if root == "main" || root == "lib") || parts.last().is_some_and(|p| p == "mod")
    {
        parts.pop();
    }
    parts
}

fn rust_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let unreadable = |e: std::io::Error| Error::Source { file: dir.to_owned(), problem: e.to_string() };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        if path.is_dir() {
            files.extend(rust_files(&path)?);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn parse(file: &Path) -> Result<syn::File, Error> {
    let fail = |problem: String| Error::Source { file: file.to_owned(), problem };
    let text = std::fs::read_to_string(file).map_err(|e| fail(e.to_string()))?;
    syn::parse_file(&text).map_err(|e| fail(e.to_string()))
}

/// `crate::account::sign_in` and `account::sign_in` are the same command.
fn path_text(path: &syn::Path) -> String {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    segments.strip_prefix(&["crate".to_owned()]).unwrap_or(&segments).join("::")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_name_their_modules() {
        let src = Path::new("/app/src");
        assert_eq!(module_path(src, Path::new("/app/src/main.rs")), Vec::<String>::new());
        assert_eq!(module_path(src, Path::new("/app/src/account.rs")), ["account"]);
        assert_eq!(module_path(src, Path::new("/app/src/checkin/kiosk.rs")), ["checkin", "kiosk"]);
        assert_eq!(module_path(src, Path::new("/app/src/checkin/mod.rs")), ["checkin"]);
    }
}
