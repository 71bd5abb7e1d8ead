//! Typed calls for the window: reads the `#[tauri::command]` functions that src-tauri's
//! main.rs registers and writes one TypeScript function per command, with the argument keys
//! Tauri reads (camelCase) and the ts-rs bindings of the types. A renamed command or argument
//! then fails the front end's type check instead of failing at run time.
//!
//! The generator reads the source rather than linking the app, so it needs no Tauri; its test
//! writes the file, as ts-rs writes the other bindings, and CI fails when it is stale.

mod command;
mod emit;
mod source;
mod ts_type;

use std::fmt;
use std::path::{Path, PathBuf};

use command::Command;
use ts_type::Bindings;

/// Why the calls could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A source file could not be read or parsed.
    Source { file: PathBuf, problem: String },
    /// A command takes or gives something the window cannot be typed for.
    Command { command: String, problem: String },
    /// main.rs registers a command that is not a `#[tauri::command]` function in the source.
    NotFound { path: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Source { file, problem } => write!(f, "{}: {problem}", file.display()),
            Error::Command { command, problem } => write!(f, "command `{command}`, {problem}"),
            Error::NotFound { path } => {
                write!(f, "main.rs registers `{path}`, but no #[tauri::command] fn is at that path in the source")
            }
        }
    }
}

impl std::error::Error for Error {}

/// The TypeScript module for the commands of the app whose source is `src` (with `main.rs`),
/// typed with the ts-rs bindings in `bindings`.
pub fn generate(src: &Path, bindings: &Path) -> Result<String, Error> {
    let found = source::commands(src)?;
    let registered = source::registered(&src.join("main.rs"))?;
    let known = Bindings::new(binding_names(bindings)?);
    let commands = registered
        .iter()
        .map(|path| {
            let found = found.get(path).ok_or_else(|| Error::NotFound { path: path.clone() })?;
            Command::read(&found.item, &known).map_err(|e| in_file(e, &found.file))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(emit::module(&commands))
}

/// A command's problem, saying which file it is in.
fn in_file(error: Error, file: &Path) -> Error {
    match error {
        Error::Command { command, problem } => {
            Error::Command { command, problem: format!("{problem} (in {})", file.display()) }
        }
        other => other,
    }
}

/// The names ts-rs wrote bindings for: each `Name.ts` but the generated calls themselves.
fn binding_names(dir: &Path) -> Result<Vec<String>, Error> {
    let unreadable = |e: std::io::Error| Error::Source { file: dir.to_owned(), problem: e.to_string() };
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        if path.extension().is_some_and(|e| e == "ts")
            && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
            && stem != OUTPUT_STEM
        {
            names.push(stem.to_owned());
        }
    }
    Ok(names)
}

/// The generated file's name in the bindings folder, without `.ts`.
pub const OUTPUT_STEM: &str = "commands";
