//! The Talentdesk desktop app: opens the local store and serves the window's commands.
//! Thin by design: everything it does is a call into the crates.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod about;
mod account;
mod actions;
mod candidates;
mod checkin;
mod chosen;
mod commands;
mod diagnostics;
mod documents;
mod duplicates;
mod events;
mod import;
mod insights;
mod jobs;
mod locale;
mod partner_keys;
mod privacy;
mod rendering;
mod resumes;
mod saved_searches;
mod signup_page;
mod state;
mod team;
mod templates;
mod texts;
mod updates;
mod webhooks;

use tauri::{Emitter, Manager};

fn main() {
    // Started as its own isolated resume reader: read one file from stdin and stop.
    if std::env::args().nth(1).as_deref() == Some(documents::EXTRACT_TEXT) {
        if let Err(e) = talentdesk_resume::isolated::serve(std::io::stdin().lock(), std::io::stdout().lock()) {
            eprintln!("talentdesk: {e}");
            std::process::exit(1);
        }
        return;
    }
    rendering::choose();
    // Teammates' resumes that sync in are read by this binary in isolation, like uploads.
    if let Ok(reader) = talentdesk_resume::Isolated::this_program(&[documents::EXTRACT_TEXT]) {
        talentdesk_session::read_resumes_with(std::sync::Arc::new(move |bytes: &[u8]| {
            talentdesk_resume::text_of(&reader, bytes).ok()
        }));
    }
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_updater::Builder::new().build())
        .manage(updates::Updates::default())
        .manage(checkin::kiosk::Kiosk::default())
        .manage(import::Imports::default())
        .manage(duplicates::Found::default())
        .setup(|app| {
            let options = state::Options::from_args(std::env::args().skip(1))?;
            let path = app.path();
            let folders = state::Folders {
                data: path.app_data_dir()?,
                opened_copies: path.app_cache_dir()?.join("opened"),
                exports: path.download_dir().or_else(|_| path.home_dir())?,
            };
            // The log goes to the data folder from the start, before the last session resumes.
            let data_folder = options.data_dir.clone().unwrap_or_else(|| folders.data.clone());
            match talentdesk_session::Log::start(&data_folder) {
                Ok(_) => tracing::info!("Talentdesk {} started", app.package_info().version),
                Err(e) => eprintln!("talentdesk: no log file in {}: {e}", data_folder.display()),
            }
            app.manage(diagnostics::DataFolder(data_folder));
            // Sync news goes to the window as `session` events.
            let (events, mut heard) = tokio::sync::mpsc::unbounded_channel();
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                while let Some(event) = heard.recv().await {
                    // A teammate's deletion takes the copies this window opened with it.
                    if matches!(event, talentdesk_session::SessionEvent::DataChanged { .. })
                        && let Some(state) = handle.try_state::<state::AppState>()
                    {
                        state.forget_gone_copies();
                    }
                    // An admin's change to this user (an ATS ID, a role) counts from now on.
                    if let talentdesk_session::SessionEvent::DataChanged { changed } = &event
                        && changed.settings
                    {
                        let handle = handle.clone();
                        tauri::async_runtime::spawn_blocking(move || {
                            let refreshed = handle.try_state::<state::AppState>().map(|state| state.refresh_user());
                            if let Some(Err(e)) = refreshed {
                                tracing::warn!("the signed-in user could not be read again: {e}");
                            }
                        });
                    }
                    let _ = handle.emit("session", event);
                }
            });
            app.manage(state::AppState::open(options, folders, events)?);
            Ok(())
        })
        // Files dropped on the window may be read: the window system says so, not the webview.
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(drop) = event {
                chosen::dropped(window.app_handle(), drop);
            }
            checkin::kiosk::keep_open(window, event);
        })
        .on_webview_event(|webview, event| {
            if let tauri::WebviewEvent::DragDrop(drop) = event {
                chosen::dropped(webview.app_handle(), drop);
            }
        })
        .invoke_handler(tauri::generate_handler![
            account::session_state,
            account::sign_in,
            account::sign_out,
            account::run_first_sync,
            account::notices,
            account::dismiss_notice,
            account::put_back,
            account::offline_sets,
            account::keep_offline,
            team::team,
            texts::texts_possible,
            team::invite_teammate,
            team::set_teammate_role,
            team::set_teammate_ats_id,
            team::set_teammate_active,
            team::reset_teammate_password,
            team::end_teammate_sign_ins,
            partner_keys::partner_keys,
            partner_keys::create_partner_key,
            partner_keys::revoke_partner_key,
            webhooks::webhooks,
            webhooks::create_webhook,
            webhooks::update_webhook,
            webhooks::delete_webhook,
            webhooks::webhook_deliveries,
            webhooks::resend_webhook_delivery,
            commands::app_info,
            about::about,
            updates::check_for_update,
            updates::download_update,
            updates::restart_to_update,
            locale::locale,
            diagnostics::diagnostics,
            commands::apply,
            commands::search,
            commands::typed_search,
            commands::typed_total,
            commands::supersede_search,
            commands::column_config,
            commands::set_columns,
            commands::filter_choices,
            commands::profile,
            commands::open_profile,
            commands::merged_into,
            commands::profile_as_of,
            commands::pipelines,
            commands::pipeline_members,
            commands::pipeline_board,
            commands::pipeline_column,
            commands::jobs,
            jobs::job,
            jobs::hiring_workflow,
            jobs::job_wanted,
            jobs::read_job_description,
            jobs::candidates_for_job,
            events::events,
            events::event_tab_counts,
            events::event_members,
            events::event_report,
            events::event_attendee_ids,
            events::areas_of_interest,
            privacy::erasure_requests,
            events::export_event_attendees,
            events::event_badges,
            insights::insights,
            insights::export_insights,
            insights::save_chart_png,
            commands::clear_search_cache,
            commands::bench_report,
            chosen::choose_files,
            chosen::choose_folder,
            chosen::choose_save_path,
            documents::upload_documents,
            documents::delete_document,
            documents::open_document,
            documents::openable_documents,
            documents::document_content,
            documents::save_document,
            documents::read_resume,
            documents::read_resume_file,
            documents::create_from_resume,
            resumes::queue_resumes,
            resumes::read_resumes,
            resumes::file_resume,
            candidates::skill_taxonomy,
            candidates::possible_duplicates,
            duplicates::find_duplicates,
            duplicates::duplicate_groups,
            documents::document_limit,
            documents::download_resumes,
            actions::bulk_actions,
            actions::talent_matches,
            actions::hired_actions,
            saved_searches::saved_searches,
            saved_searches::open_saved_search,
            templates::templates,
            templates::fill_template,
            actions::custom_fields,
            actions::tags,
            actions::export_folder,
            actions::run_bulk,
            actions::run_export,
            actions::cancel_run,
            import::import_open,
            import::import_plan,
            import::import_choose,
            import::import_write,
            import::import_save_errors,
            import::import_close,
            import::import_mappings,
            import::phone_country,
            signup_page::consent_text,
            checkin::check_in_lookup,
            checkin::check_in_code,
            checkin::check_in,
            checkin::last_check_ins,
            checkin::walk_in::walk_in,
            checkin::kiosk::kiosk_event,
            checkin::kiosk::enter_kiosk,
            checkin::kiosk::leave_kiosk,
            checkin::kiosk::kiosk_lookup,
            checkin::kiosk::kiosk_check_in,
            checkin::kiosk::kiosk_sign_up,
            checkin::kiosk::kiosk_forget,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("error while running Talentdesk");
}
