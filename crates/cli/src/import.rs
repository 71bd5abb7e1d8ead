//! `import` (a spreadsheet or ATS export, through talentdesk-import) and `export` (the
//! candidates a search finds, as CSV, XLSX or TXT), so that an exported file imports back.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use talentdesk_domain::bulk::BulkAction;
use talentdesk_domain::import::Differing;
use talentdesk_domain::search::Selection;
use talentdesk_import::plan::{Action, OnDuplicate, Options, Plan};
use talentdesk_import::write::{self, End, Refused, Report};
use talentdesk_import::{Mapping, mapping, read};
use talentdesk_store::Store;
use talentdesk_store::bulk::BulkEnd;
use talentdesk_store::export::{self, ExportField, ExportFormat};

use crate::search_args::SearchArgs;

#[derive(Clone, Copy, ValueEnum)]
pub enum DuplicateArg {
    /// Fill the existing candidate's empty fields.
    Merge,
    /// Create a new candidate all the same.
    Create,
    Skip,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum DifferingArg {
    /// A field the candidate already fills keeps its value.
    Keep,
    /// The file's value replaces it.
    Take,
}

#[derive(Args)]
pub struct ImportArgs {
    /// A CSV (any common encoding and delimiter), XLSX, XLS or ODS file.
    file: PathBuf,
    #[arg(long)]
    db: PathBuf,
    /// The importing user's email.
    #[arg(long = "as")]
    as_user: String,
    /// A mapping as a JSON file (`{"columns": [{"column": "E-mail", "target": {"to": "email"}}]}`),
    /// or the name of a mapping saved in the app; without it the mapping is guessed from the
    /// headers.
    #[arg(long)]
    mapping: Option<PathBuf>,
    /// The spreadsheet's sheet (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// Show what would happen; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// The ISO country of phone numbers written without a country code (e.g. DE; default:
    /// the organisation's default phone country, if an admin set one).
    #[arg(long)]
    country: Option<String>,
    #[arg(long, value_enum, default_value = "merge")]
    on_duplicate: DuplicateArg,
    /// For a field both the candidate and the file fill differently.
    #[arg(long, value_enum, default_value = "keep")]
    differing: DifferingArg,
    /// Where the rows not imported go, with a Reason column (default: FILE.errors.csv).
    #[arg(long)]
    errors: Option<PathBuf>,
    /// Print the plan (or the report) as JSON.
    #[arg(long)]
    json: bool,
}

pub fn import(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(&args.db)?;
    let actor = store.user_by_email(&args.as_user).with_context(|| format!("--as {}", args.as_user))?;
    let table = read::open(&args.file, args.sheet.as_deref())?;
    eprintln!("{}: {}", table.file, table.format);
    for warning in &table.warnings {
        eprintln!("note: {warning}");
    }
    let mapping = match &args.mapping {
        Some(path) => mapping_of(&store, path)?,
        None => mapping::guess(&table.headers, &store.custom_fields()?),
    };
    let options = Options {
        on_duplicate: match args.on_duplicate {
            DuplicateArg::Merge => OnDuplicate::Merge,
            DuplicateArg::Create => OnDuplicate::CreateAnyway,
            DuplicateArg::Skip => OnDuplicate::Skip,
        },
        differing: match args.differing {
            DifferingArg::Keep => Differing::KeepExisting,
            DifferingArg::Take => Differing::TakeImport,
        },
        default_country: args.country.clone().map_or_else(|| store.phone_country(), |c| Ok(Some(c)))?,
    };
    let plan = talentdesk_import::plan::plan(&store, &actor, table, &mapping, options)?;
    let errors = args.errors.clone().unwrap_or_else(|| errors_path(&args.file));
    if args.dry_run {
        print_plan(&plan, &mapping, args.json)?;
        write_errors(&plan, &[], &errors)?;
        return Ok(ExitCode::SUCCESS);
    }
    let report = write::write(
        &plan,
        &AtomicBool::new(false),
        |batch| store.apply_all(&actor, batch),
        |p| eprint!("\r{} / {} rows written", p.done, p.total),
    );
    eprintln!();
    print_report(&report, args.json)?;
    write_errors(&plan, &report.refused, &errors)?;
    Ok(if report.end == End::Finished { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// `--mapping`: a JSON file, or else a mapping saved in the app under that name.
fn mapping_of(store: &Store, given: &Path) -> anyhow::Result<Mapping> {
    if given.is_file() {
        let text = std::fs::read_to_string(given).with_context(|| format!("{}", given.display()))?;
        return serde_json::from_str(&text).with_context(|| format!("{}: not a mapping", given.display()));
    }
    let name = given.to_string_lossy();
    let saved = store
        .import_mapping(&name)?
        .with_context(|| format!("--mapping {name}: no such file, and no mapping saved under that name"))?;
    serde_json::from_value(saved.mapping)
        .with_context(|| format!("the saved mapping {name} is not one this version reads"))
}

fn errors_path(file: &Path) -> PathBuf {
    let mut name = file.file_stem().unwrap_or_default().to_os_string();
    name.push(".errors.csv");
    file.with_file_name(name)
}

/// Writes the error file when some rows are not imported (or `refused` at the write), and says
/// where.
fn write_errors(plan: &Plan, refused: &[Refused], path: &Path) -> anyhow::Result<()> {
    let skipped = plan.counts.reject + plan.counts.skip_in_file + plan.counts.skip_duplicate;
    if skipped == 0 && refused.is_empty() {
        return Ok(());
    }
    let file = std::fs::File::create(path).with_context(|| format!("{}", path.display()))?;
    let not_imported = write::write_errors(plan, refused, std::io::BufWriter::new(file))?;
    eprintln!("{not_imported} rows not imported, with the reasons: {}", path.display());
    Ok(())
}

fn print_plan(plan: &Plan, mapping: &Mapping, json: bool) -> anyhow::Result<()> {
    if json {
        let out = serde_json::json!({
            "mapping": mapping, "counts": plan.counts, "new_tags": plan.new_tags, "preview": plan.preview(10),
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    println!("Mapping:");
    for c in &mapping.columns {
        println!("  {:<32} -> {}", c.column, serde_json::to_string(&c.target)?);
    }
    let c = &plan.counts;
    println!(
        "Would create {}, merge {}, leave {} unchanged, skip {} already in Talentdesk and {} repeated in the file, reject {}",
        c.create, c.merge, c.unchanged, c.skip_duplicate, c.skip_in_file, c.reject
    );
    if !plan.new_tags.is_empty() {
        println!("New tags for the tags list: {}", plan.new_tags.join(", "));
    }
    for row in plan.preview(10) {
        let who = row.row.as_ref().map(|r| r.profile.full_name()).unwrap_or_default();
        let what = match &row.action {
            Action::Create { .. } => "create".to_owned(),
            Action::Merge { evidence, .. } => format!("merge ({evidence})"),
            Action::Unchanged { evidence, .. } => format!("unchanged ({evidence})"),
            _ => row.reason().unwrap_or_default(),
        };
        println!("  line {:>6}  {:<32} {what}", row.line, who);
    }
    Ok(())
}

fn print_report(report: &Report, json: bool) -> anyhow::Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(report)?);
        return Ok(());
    }
    let p = &report.planned;
    println!(
        "{}: created {}, merged {}, unchanged {}, skipped {}, rejected {}, refused at the write {} in {:.1} s",
        report.file,
        report.created,
        report.merged,
        p.unchanged,
        p.skip_duplicate + p.skip_in_file,
        p.reject,
        report.refused.len(),
        report.elapsed_ms as f64 / 1000.0
    );
    match &report.end {
        End::Finished => {}
        End::Cancelled => println!("Cancelled: the batches written so far are kept"),
        End::Failed { error } => println!("Stopped: {error} (the batches written so far are kept)"),
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Csv,
    Xlsx,
    Txt,
}

#[derive(Args)]
pub struct ExportArgs {
    #[command(flatten)]
    search: SearchArgs,
    /// See the candidates as this user (default: the first admin).
    #[arg(long = "as")]
    as_user: Option<String>,
    #[arg(long, value_enum, default_value = "csv")]
    format: FormatArg,
    /// Comma-separated: name, email, phone, location, current_title, current_employer, skills,
    /// links, tags, ... (default: those, which import back as they were).
    #[arg(long, value_delimiter = ',')]
    fields: Vec<String>,
    #[arg(long)]
    out: PathBuf,
}

pub fn export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open(&args.search.db)?;
    let viewer = crate::commands::viewer(&store, args.as_user.as_deref())?;
    let request = args.search.request(&store)?;
    let ids = store.select(&viewer, &Selection::Search { request: Box::new(request) }, BulkAction::Export)?;
    let fields = export_fields(&args.fields)?;
    let format = match args.format {
        FormatArg::Csv => ExportFormat::Csv,
        FormatArg::Xlsx => ExportFormat::Xlsx,
        FormatArg::Txt => ExportFormat::Txt,
    };
    let progress = export::export_file(
        &args.out,
        format,
        &fields,
        &ids,
        &AtomicBool::new(false),
        |exporter, chunk| chunk.iter().try_for_each(|id| exporter.write(&store, &viewer, *id)),
        |p| eprint!("\r{} / {} candidates", p.done, p.total),
    );
    eprintln!();
    if let Some(BulkEnd::Failed { error }) = &progress.end {
        bail!("{error}");
    }
    println!("Exported {} candidates to {}", ids.len(), args.out.display());
    Ok(ExitCode::SUCCESS)
}

fn export_fields(names: &[String]) -> anyhow::Result<Vec<ExportField>> {
    if names.is_empty() {
        return Ok(ExportField::PROFILE.to_vec());
    }
    names
        .iter()
        .map(|n| {
            serde_json::from_value::<ExportField>(serde_json::Value::String(n.trim().to_owned()))
                .map_err(|_| anyhow::anyhow!("unknown field \"{n}\""))
        })
        .collect()
}
