//! One `#[tauri::command]` function as the window calls it: its name, the argument keys Tauri
//! reads from the call's object, and what it gives back.

use syn::{Attribute, FnArg, ItemFn, Pat, ReturnType, Type};

use crate::Error;
use crate::ts_type::{self, Bindings, Ts};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// The name `invoke` takes: the function's.
    pub name: String,
    /// The function's doc comment, line by line.
    pub doc: Vec<String>,
    pub args: Vec<Arg>,
    pub returns: Ts,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg {
    /// The key in the call's arguments object.
    pub key: String,
    pub ty: Ts,
}

/// How Tauri names the argument keys: camelCase unless the command says `rename_all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyCase {
    Camel,
    Snake,
}

/// Parameters Tauri fills in itself, from the app rather than from the call's arguments.
const INJECTED: [&str; 6] = ["State", "AppHandle", "Window", "WebviewWindow", "Webview", "Request"];

/// Whether this function is a Tauri command: `#[tauri::command]` or `#[command]`.
pub fn is_command(attrs: &[Attribute]) -> bool {
    command_attribute(attrs).is_some()
}

fn command_attribute(attrs: &[Attribute]) -> Option<&Attribute> {
    attrs.iter().find(|a| {
        let path: Vec<String> = a.path().segments.iter().map(|s| s.ident.to_string()).collect();
        path == ["tauri", "command"] || path == ["command"]
    })
}

impl Command {
    pub fn read(item: &ItemFn, bindings: &Bindings) -> Result<Command, Error> {
        let name = item.sig.ident.to_string();
        let fail = |what: String| Error::Command { command: name.clone(), problem: what };
        let case = key_case(item).map_err(fail)?;
        let mut args = Vec::new();
        for input in &item.sig.inputs {
            let FnArg::Typed(param) = input else {
                return Err(fail("a command cannot take `self`".into()));
            };
            let Pat::Ident(ident) = param.pat.as_ref() else {
                return Err(fail("each argument needs a plain name (no patterns)".into()));
            };
            if injected(&param.ty) {
                continue;
            }
            let rust_name = ident.ident.to_string();
            let ty = ts_type::argument(&param.ty, bindings).map_err(|why| Error::Command {
                command: name.clone(),
                problem: format!("argument `{rust_name}`: {}", why.0),
            })?;
            let key = match case {
                KeyCase::Camel => camel_case(&rust_name),
                KeyCase::Snake => rust_name,
            };
            args.push(Arg { key, ty });
        }
        let output = match &item.sig.output {
            ReturnType::Default => None,
            ReturnType::Type(_, ty) => Some(ty.as_ref()),
        };
        let returns = ts_type::result(output, bindings).map_err(|why| fail(format!("result: {}", why.0)))?;
        Ok(Command { name, doc: doc_lines(&item.attrs), args, returns })
    }
}

fn injected(ty: &Type) -> bool {
    let ty = match ty {
        Type::Reference(r) => r.elem.as_ref(),
        other => other,
    };
    ts_type::last_segment(ty).is_some_and(|(name, _)| INJECTED.contains(&name.as_str()))
}

/// `#[tauri::command(rename_all = "snake_case")]` keeps the Rust names; camelCase is the default.
fn key_case(item: &ItemFn) -> Result<KeyCase, String> {
    let Some(attr) = command_attribute(&item.attrs) else { return Ok(KeyCase::Camel) };
    if matches!(attr.meta, syn::Meta::Path(_)) {
        return Ok(KeyCase::Camel);
    }
    let mut case = KeyCase::Camel;
    attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("rename_all") {
            let value: syn::LitStr = meta.value()?.parse()?;
            case = match value.value().as_str() {
                "camelCase" => KeyCase::Camel,
                "snake_case" => KeyCase::Snake,
                other => return Err(meta.error(format!("rename_all = \"{other}\" is not one the generator knows"))),
            };
        } else if meta.input.peek(syn::Token![=]) {
            // Other settings (`root = "crate"`) do not change what the window sends.
            let _: syn::Expr = meta.value()?.parse()?;
        }
        Ok(())
    })
    .map_err(|e| e.to_string())?;
    Ok(case)
}

/// An argument's key as Tauri expects it by default: `min_rating` is `minRating`.
pub fn camel_case(snake: &str) -> String {
    let mut words = snake.split('_').filter(|w| !w.is_empty());
    let first = words.next().unwrap_or_default().to_lowercase();
    words.fold(first, |mut key, word| {
        let mut chars = word.chars();
        if let Some(c) = chars.next() {
            key.extend(c.to_uppercase());
            key.push_str(&chars.as_str().to_lowercase());
        }
        key
    })
}

fn doc_lines(attrs: &[Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value().trim().to_owned()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bindings() -> Bindings {
        Bindings::new(["SearchRequest", "SearchPage", "PageRequest", "AppError"].map(String::from))
    }

    fn read(source: &str) -> Result<Command, Error> {
        Command::read(&syn::parse_str(source).unwrap(), &bindings())
    }

    #[test]
    fn keys_are_camel_cased_like_tauri_does() {
        assert_eq!(camel_case("event"), "event");
        assert_eq!(camel_case("min_rating"), "minRating");
        assert_eq!(camel_case("walk_in"), "walkIn");
        assert_eq!(camel_case("page_2_size"), "page2Size");
        assert_eq!(camel_case("_unused"), "unused");
    }

    #[test]
    fn state_and_the_window_are_not_arguments() {
        let command = read(
            r#"
            /// Searches.
            /// Second line.
            #[tauri::command]
            pub async fn search(
                app: AppHandle,
                state: State<'_, AppState>,
                window: tauri::Window,
                request: SearchRequest,
                min_rating: Option<u8>,
            ) -> Result<SearchPage, AppError> { todo!() }
            "#,
        )
        .unwrap();
        assert_eq!(command.name, "search");
        assert_eq!(command.doc, ["Searches.", "Second line."]);
        let args: Vec<(&str, &str)> = command.args.iter().map(|a| (a.key.as_str(), a.ty.text.as_str())).collect();
        assert_eq!(args, [("request", "SearchRequest"), ("minRating", "number | null")]);
        assert_eq!(command.returns.text, "SearchPage");
    }

    #[test]
    fn rename_all_snake_case_keeps_the_rust_names() {
        let command = read(
            r#"#[tauri::command(rename_all = "snake_case")]
            fn event_members(min_rating: u8) {}"#,
        )
        .unwrap();
        assert_eq!(command.args[0].key, "min_rating");
        assert_eq!(command.returns.text, "void");
        let err = read(r#"#[tauri::command(rename_all = "SCREAMING")] fn f(a: u8) {}"#).unwrap_err();
        assert!(err.to_string().contains("rename_all = \"SCREAMING\""), "{err}");
    }

    #[test]
    fn an_unmappable_argument_names_the_command_and_the_argument() {
        let err = read("#[tauri::command] fn keep(state: State<'_, S>, set: OfflineSet) {}").unwrap_err();
        assert_eq!(
            err.to_string(),
            "command `keep`, argument `set`: `OfflineSet` has no TypeScript binding (no OfflineSet.ts in the bindings): \
             derive ts_rs::TS with #[ts(export)] on it"
        );
        let err = read("#[tauri::command] fn gone() -> Result<Secret, AppError> { todo!() }").unwrap_err();
        assert!(err.to_string().starts_with("command `gone`, result: `Secret` has no TypeScript binding"), "{err}");
    }
}
