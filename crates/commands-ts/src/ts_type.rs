//! Rust types of command arguments and results, as the TypeScript the window sees.
//!
//! Values cross the bridge as JSON, so the names follow what serde writes and what ts-rs calls
//! the same types in ui/src/lib/bindings: a named type is the binding of that name, never a
//! structural copy. A type this cannot name is an error, not `any`.

use std::collections::BTreeSet;

use quote::ToTokens;
use syn::{GenericArgument, PathArguments, Type, TypePath};

/// A TypeScript type and the bindings it needs imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ts {
    pub text: String,
    pub imports: BTreeSet<Import>,
}

/// `import type { name } from "from"`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Import {
    pub name: String,
    pub from: String,
}

impl Ts {
    fn plain(text: &str) -> Self {
        Ts { text: text.to_owned(), imports: BTreeSet::new() }
    }

    fn wrapped(inner: Ts, text: impl FnOnce(&str) -> String) -> Self {
        Ts { text: text(&inner.text), imports: inner.imports }
    }
}

/// The type names ts-rs has written bindings for (a file `Name.ts` each).
#[derive(Debug, Clone, Default)]
pub struct Bindings {
    names: BTreeSet<String>,
}

impl Bindings {
    pub fn new(names: impl IntoIterator<Item = String>) -> Self {
        Bindings { names: names.into_iter().collect() }
    }

    fn has(&self, name: &str) -> bool {
        self.names.contains(name)
    }
}

/// Why a type has no TypeScript name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmapped(pub String);

/// The TypeScript of an argument's type (or of a type inside a result).
pub fn argument(ty: &Type, bindings: &Bindings) -> Result<Ts, Unmapped> {
    match ty {
        Type::Reference(r) => argument(&r.elem, bindings),
        Type::Paren(p) => argument(&p.elem, bindings),
        Type::Group(g) => argument(&g.elem, bindings),
        Type::Path(path) if path.qself.is_none() => named(path, bindings),
        _ => Err(Unmapped(format!("`{}` is not a type the window can be given", shown(ty)))),
    }
}

/// The TypeScript of what a command returns: a `Result`'s error is thrown (as an AppError),
/// `()` is nothing, and a raw `tauri::ipc::Response` arrives as bytes.
pub fn result(ty: Option<&Type>, bindings: &Bindings) -> Result<Ts, Unmapped> {
    let Some(ty) = ty else { return Ok(Ts::plain("void")) };
    if let Type::Tuple(t) = ty
        && t.elems.is_empty()
    {
        return Ok(Ts::plain("void"));
    }
    if let Some((name, args)) = last_segment(ty) {
        match (name.as_str(), args.as_slice()) {
            ("Result", [ok, ..]) => return result(Some(ok), bindings),
            ("Response", []) => return Ok(Ts::plain("ArrayBuffer")),
            _ => {}
        }
    }
    argument(ty, bindings)
}

fn named(path: &TypePath, bindings: &Bindings) -> Result<Ts, Unmapped> {
    let ty = Type::Path(path.clone());
    let Some((name, args)) = last_segment(&ty) else {
        return Err(Unmapped(format!("`{}` has no name", shown(&ty))));
    };
    let one = |text: fn(&str) -> String| match args.as_slice() {
        [inner] => Ok(Ts::wrapped(argument(inner, bindings)?, text)),
        _ => Err(Unmapped(format!("`{}` should have one type argument", shown(&ty)))),
    };
    match name.as_str() {
        "String" | "str" | "char" | "PathBuf" | "Path" | "Uuid" => Ok(Ts::plain("string")),
        "bool" => Ok(Ts::plain("boolean")),
        // ts-rs says `bigint` for 64-bit integers unless told `#[ts(type = "number")]`, as this
        // project's bindings are; over the bridge they are JSON numbers either way.
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "f32"
        | "f64" => Ok(Ts::plain("number")),
        "Option" => one(|t| format!("{t} | null")),
        "Vec" | "VecDeque" | "BTreeSet" | "HashSet" => one(|t| format!("Array<{t}>")),
        "Box" | "Arc" | "Rc" => one(str::to_owned),
        "Value" if is_json_value(path) => Ok(Ts::plain("unknown")),
        "Channel" => {
            let mut ts = one(|t| format!("Channel<{t}>"))?;
            ts.imports.insert(Import { name: "Channel".into(), from: "@tauri-apps/api/core".into() });
            Ok(ts)
        }
        _ if !args.is_empty() => {
            Err(Unmapped(format!("`{}` is a generic type the generator does not know", shown(&ty))))
        }
        _ if bindings.has(&name) => {
            Ok(Ts { text: name.clone(), imports: BTreeSet::from([Import { from: format!("./{name}"), name }]) })
        }
        _ => Err(Unmapped(format!(
            "`{}` has no TypeScript binding (no {name}.ts in the bindings): derive ts_rs::TS with #[ts(export)] on it",
            shown(&ty)
        ))),
    }
}

/// `serde_json::Value`, or `Value` imported from it.
fn is_json_value(path: &TypePath) -> bool {
    let segments: Vec<String> = path.path.segments.iter().map(|s| s.ident.to_string()).collect();
    matches!(segments.as_slice(), [value] if value == "Value")
        || segments.ends_with(&["serde_json".into(), "Value".into()])
}

/// The last segment's name and its type arguments: `Option<Foo>` is ("Option", [Foo]).
pub fn last_segment(ty: &Type) -> Option<(String, Vec<Type>)> {
    let Type::Path(path) = ty else { return None };
    let segment = path.path.segments.last()?;
    let args = match &segment.arguments {
        PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|arg| match arg {
                GenericArgument::Type(t) => Some(t.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Some((segment.ident.to_string(), args))
}

/// A type as it reads in the source, for errors.
pub fn shown(ty: &Type) -> String {
    let printed = ty.to_token_stream().to_string();
    [(" < ", "<"), ("< ", "<"), (" >", ">"), (" :: ", "::"), (" ,", ","), ("& ", "&")]
        .iter()
        .fold(printed, |text, (from, to)| text.replace(from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bindings() -> Bindings {
        Bindings::new(["SearchPage".to_owned(), "OfflineSet".to_owned(), "AppError".to_owned()])
    }

    fn arg(source: &str) -> Result<String, String> {
        let ty: Type = syn::parse_str(source).unwrap();
        argument(&ty, &bindings()).map(|ts| ts.text).map_err(|e| e.0)
    }

    fn ret(source: &str) -> Result<String, String> {
        let ty: Type = syn::parse_str(source).unwrap();
        result(Some(&ty), &bindings()).map(|ts| ts.text).map_err(|e| e.0)
    }

    #[test]
    fn text_numbers_and_ids_are_what_serde_writes() {
        for (rust, ts) in [
            ("String", "string"),
            ("&str", "string"),
            ("PathBuf", "string"),
            ("uuid::Uuid", "string"),
            ("bool", "boolean"),
            ("u8", "number"),
            ("i64", "number"),
            ("u64", "number"),
            ("usize", "number"),
            ("f64", "number"),
            ("serde_json::Value", "unknown"),
        ] {
            assert_eq!(arg(rust).as_deref(), Ok(ts), "{rust}");
        }
    }

    #[test]
    fn options_and_lists_nest() {
        assert_eq!(arg("Option<Uuid>").as_deref(), Ok("string | null"));
        assert_eq!(arg("Vec<String>").as_deref(), Ok("Array<string>"));
        assert_eq!(arg("Option<Vec<String>>").as_deref(), Ok("Array<string> | null"));
        assert_eq!(arg("Vec<Option<u32>>").as_deref(), Ok("Array<number | null>"));
    }

    #[test]
    fn named_types_are_their_bindings_imported() {
        let ty: Type = syn::parse_str("Vec<talentdesk_store::OfflineSet>").unwrap();
        let ts = argument(&ty, &bindings()).unwrap();
        assert_eq!(ts.text, "Array<OfflineSet>");
        assert_eq!(ts.imports, BTreeSet::from([Import { name: "OfflineSet".into(), from: "./OfflineSet".into() }]));
    }

    #[test]
    fn results_are_their_value_and_unit_is_void() {
        assert_eq!(ret("Result<SearchPage, AppError>").as_deref(), Ok("SearchPage"));
        assert_eq!(ret("Result<(), AppError>").as_deref(), Ok("void"));
        assert_eq!(ret("Result<Option<SearchPage>, AppError>").as_deref(), Ok("SearchPage | null"));
        assert_eq!(ret("Result<tauri::ipc::Response, AppError>").as_deref(), Ok("ArrayBuffer"));
        assert_eq!(ret("Vec<bool>").as_deref(), Ok("Array<boolean>"));
        assert_eq!(result(None, &bindings()).unwrap().text, "void");
    }

    #[test]
    fn a_type_without_a_binding_says_what_to_do() {
        let err = arg("Option<talentdesk_store::Secret>").unwrap_err();
        assert_eq!(
            err,
            "`talentdesk_store::Secret` has no TypeScript binding (no Secret.ts in the bindings): derive ts_rs::TS with #[ts(export)] on it"
        );
        assert!(arg("HashMap<String, u32>").unwrap_err().contains("`HashMap<String, u32>` is a generic type"));
        assert!(arg("(u32, u32)").unwrap_err().contains("`(u32, u32)` is not a type"));
        // A raw response is something a command gives, not something it is given.
        assert!(arg("tauri::ipc::Response").unwrap_err().contains("no TypeScript binding"));
    }
}
