//! The TypeScript module: one typed call per command, in the order main.rs registers them.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::command::{Command, camel_case};
use crate::ts_type::Import;

/// Where the calls go through (errors become a CommandError there); from the bindings folder.
const CALL_FROM: &str = "../ipc";

pub fn module(commands: &[Command]) -> String {
    let mut out = String::from(
        "// The window's calls into the Tauri commands that src-tauri/src/main.rs registers: each takes\n\
         // the argument keys and types its command takes. Generated from the Rust source by\n\
         // crates/commands-ts (`cargo test -p talentdesk-commands-ts`); do not edit.\n",
    );
    let _ = writeln!(out, "import {{ call }} from \"{CALL_FROM}\";");
    let imports: BTreeSet<&Import> = commands
        .iter()
        .flat_map(|c| c.args.iter().map(|a| &a.ty).chain([&c.returns]))
        .flat_map(|t| &t.imports)
        .collect();
    for import in imports {
        let _ = writeln!(out, "import type {{ {} }} from \"{}\";", import.name, import.from);
    }
    out.push_str("\nexport const commands = {\n");
    for command in commands {
        out.push_str(&function(command));
    }
    out.push_str("};\n");
    out
}

fn function(command: &Command) -> String {
    let mut out = String::new();
    match command.doc.as_slice() {
        [] => {}
        [line] => {
            let _ = writeln!(out, "  /** {} */", comment(line));
        }
        lines => {
            out.push_str("  /**\n");
            for line in lines {
                let _ = writeln!(out, "   * {}", comment(line));
            }
            out.push_str("   */\n");
        }
    }
    let name = camel_case(&command.name);
    let returns = &command.returns.text;
    if command.args.is_empty() {
        let _ = writeln!(out, "  {name}: () => call<{returns}>(\"{}\"),", command.name);
    } else {
        let fields: Vec<String> = command.args.iter().map(|a| format!("{}: {}", a.key, a.ty.text)).collect();
        let _ = writeln!(
            out,
            "  {name}: (args: {{ {} }}) => call<{returns}>(\"{}\", args),",
            fields.join("; "),
            command.name
        );
    }
    out
}

/// Doc text inside `/** */`: a `*/` in it would end the comment.
fn comment(line: &str) -> String {
    line.replace("*/", "*\\/").trim_end().to_owned()
}
