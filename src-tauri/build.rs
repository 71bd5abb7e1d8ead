fn main() {
    // The config lives at the repository root so plain `cargo build` and the Tauri CLI share it.
    tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json"))
        .expect("tauri build script");
}
