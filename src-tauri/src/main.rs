//! The Talentdesk desktop app: opens the local store and serves the window's commands.
//! Thin by design: everything it does is a call into the crates.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod state;

use tauri::Manager;

fn main() {
    tauri::Builder::default()
        .setup(|app| {
            let options = state::Options::from_args(std::env::args().skip(1))?;
            let data_dir = app.path().app_data_dir()?;
            app.manage(state::AppState::open(options, &data_dir)?);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::search,
            commands::column_config,
            commands::set_columns,
            commands::filter_choices,
            commands::profile,
            commands::open_profile,
            commands::profile_as_of,
            commands::pipelines,
            commands::pipeline_members,
            commands::events,
            commands::event_members,
            commands::clear_search_cache,
            commands::bench_report,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("error while running Talentdesk");
}
