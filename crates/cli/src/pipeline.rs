//! `talentdesk-cli pipeline …`: pipelines on a database, for scripting. Every write is a
//! mutation through `Store::apply` as the named user, with the app's rules (someone else's
//! private pipeline is refused, a status the pipeline lacks is refused, ...).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_store::Store;
use uuid::Uuid;

use crate::named::{apply_as, find};

#[derive(Subcommand)]
pub enum PipelineCommand {
    /// Creates a pipeline and prints its id.
    Create {
        #[arg(long)]
        db: PathBuf,
        #[arg(long = "as")]
        as_user: String,
        #[arg(long)]
        name: String,
        /// Its workflow statuses in order, comma-separated (new members start at the first).
        #[arg(long, value_delimiter = ',', required = true)]
        statuses: Vec<String>,
        /// Seen by its owner and the admins only.
        #[arg(long)]
        private: bool,
    },
    /// Lists the pipelines the user may see, with their statuses and member counts.
    List {
        #[arg(long)]
        db: PathBuf,
        #[arg(long = "as")]
        as_user: String,
        /// Archived pipelines too.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Moves a member of a pipeline to one of its workflow statuses.
    Move {
        #[arg(long)]
        db: PathBuf,
        #[arg(long = "as")]
        as_user: String,
        /// The pipeline's id or exact name.
        #[arg(long)]
        pipeline: String,
        #[arg(long)]
        candidate: Uuid,
        #[arg(long)]
        status: String,
    },
    /// Renames a pipeline (its privacy stays as it is).
    Rename {
        #[arg(long)]
        db: PathBuf,
        #[arg(long = "as")]
        as_user: String,
        /// The pipeline's id or exact name.
        #[arg(long)]
        pipeline: String,
        #[arg(long)]
        name: String,
    },
    /// Makes a pipeline private (its owner's and the admins'), or shared with --shared; its
    /// owner or an admin only.
    Private {
        #[arg(long)]
        db: PathBuf,
        #[arg(long = "as")]
        as_user: String,
        /// The pipeline's id or exact name.
        #[arg(long)]
        pipeline: String,
        #[arg(long)]
        shared: bool,
    },
    /// Archives a pipeline (out of the pickers; its members stay), or brings it back with
    /// --unarchive.
    Archive {
        #[arg(long)]
        db: PathBuf,
        #[arg(long = "as")]
        as_user: String,
        /// The pipeline's id or exact name.
        #[arg(long)]
        pipeline: String,
        #[arg(long)]
        unarchive: bool,
    },
}

pub fn run(command: PipelineCommand) -> anyhow::Result<ExitCode> {
    match command {
        PipelineCommand::Create { db, as_user, name, statuses, private } => {
            let pipeline_id = Uuid::now_v7();
            apply_as(&db, &as_user, Mutation::PipelineCreate { pipeline_id, name, statuses, private })?;
            println!("{pipeline_id}");
        }
        PipelineCommand::List { db, as_user, all, json } => list(&db, &as_user, all, json)?,
        PipelineCommand::Move { db, as_user, pipeline, candidate, status } => {
            let p = find_pipeline(&db, &as_user, &pipeline)?;
            let change = Mutation::PipelineSetStatus { candidate_id: candidate, pipeline_id: p.id, status };
            apply_as(&db, &as_user, change)?;
            println!("Moved the candidate in {}", p.name);
        }
        PipelineCommand::Rename { db, as_user, pipeline, name } => {
            let p = find_pipeline(&db, &as_user, &pipeline)?;
            apply_as(&db, &as_user, Mutation::PipelineRename { pipeline_id: p.id, name: name.clone() })?;
            println!("Renamed {} to {}", p.name, name.trim());
        }
        PipelineCommand::Private { db, as_user, pipeline, shared } => {
            let p = find_pipeline(&db, &as_user, &pipeline)?;
            apply_as(&db, &as_user, Mutation::PipelineSetPrivate { pipeline_id: p.id, private: !shared })?;
            println!("{} is {}", p.name, if shared { "shared" } else { "private" });
        }
        PipelineCommand::Archive { db, as_user, pipeline, unarchive } => {
            let p = find_pipeline(&db, &as_user, &pipeline)?;
            apply_as(&db, &as_user, Mutation::PipelineArchive { pipeline_id: p.id, archived: !unarchive })?;
            println!("{} is {}", p.name, if unarchive { "back in the pickers" } else { "archived" });
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn list(db: &Path, as_user: &str, all: bool, json: bool) -> anyhow::Result<()> {
    let store = Store::open(db)?;
    let viewer = store.user_by_email(as_user)?;
    let pipelines: Vec<_> = store.pipelines(&viewer)?.into_iter().filter(|s| all || !s.pipeline.archived).collect();
    if json {
        println!("{}", serde_json::to_string_pretty(&pipelines)?);
        return Ok(());
    }
    for s in &pipelines {
        let p = &s.pipeline;
        let marks = [(p.private, "  private"), (p.archived, "  archived")].map(|(on, word)| if on { word } else { "" });
        println!(
            "{}  {}{}{}  [{}]  {} unreviewed, {} in pipeline",
            p.id,
            p.name,
            marks[0],
            marks[1],
            p.statuses.join(" → "),
            s.unreviewed,
            s.in_pipeline
        );
    }
    Ok(())
}

/// The pipeline a `--pipeline` names, among those the user may see: its id, or its exact name.
fn find_pipeline(db: &Path, as_user: &str, named: &str) -> anyhow::Result<Pipeline> {
    let store = Store::open(db)?;
    let viewer = store.user_by_email(as_user)?;
    let pipelines = store.pipelines(&viewer)?.into_iter().map(|s| s.pipeline).collect();
    find(pipelines, named, "pipeline", "pipeline list", |p| p.id, |p| &p.name)
}
