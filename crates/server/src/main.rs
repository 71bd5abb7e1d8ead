//! `talentdesk-server`: serve the API, or administer orgs and users.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use talentdesk_domain::user::Role;
use talentdesk_server::admin::{self, NewUser};
use talentdesk_server::backup;
use talentdesk_server::config::Config;
use talentdesk_server::updates;

#[derive(Parser)]
#[command(name = "talentdesk-server", about = "The Talentdesk CRM server")]
struct Cli {
    /// A TOML configuration file; TALENTDESK_* environment variables override it.
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the HTTP API until interrupted (SIGINT or SIGTERM), then finish requests in flight.
    Serve,
    /// Manage orgs, users and sign-ins.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Fill an empty org with the desktop's demo data; its users sign in with the password in
    /// TALENTDESK_PASSWORD (or "talentdesk-demo").
    Demo {
        #[arg(long)]
        org: String,
        #[arg(long, default_value_t = 10_000)]
        candidates: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Reads one resume from stdin and writes its text as JSON: the isolated reader the
    /// sign-up page starts for each resume (talentdesk_resume::isolated), not for people.
    #[command(hide = true)]
    ExtractText,
}

#[derive(Subcommand)]
enum AdminCommand {
    CreateOrg {
        #[arg(long)]
        name: String,
    },
    /// The password comes from TALENTDESK_PASSWORD.
    CreateUser {
        #[arg(long)]
        org: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_enum)]
        role: RoleArg,
        /// Their System ID in iCIMS (digits), which Submit to Job needs; unique in the org.
        #[arg(long)]
        ats_id: Option<String>,
    },
    /// Sets the password from TALENTDESK_PASSWORD and ends the user's sign-ins.
    ResetPassword {
        #[arg(long)]
        email: String,
    },
    /// Ends every sign-in of the user.
    RevokeTokens {
        #[arg(long)]
        email: String,
    },
    /// Backs up the database (one consistent snapshot; the server may keep running) and the
    /// documents it refers to into a new or empty folder, and verifies what was written.
    Backup {
        #[arg(long)]
        to: PathBuf,
        /// Finish the backup even when documents the database counts have no bytes in the
        /// storage (listed in the manifest as missing_blobs); without it such a backup fails.
        #[arg(long)]
        allow_missing_blobs: bool,
    },
    /// Restores a backup into an empty database and the configured document storage, then
    /// migrates it to this server's schema.
    Restore {
        #[arg(long)]
        from: PathBuf,
    },
    /// Makes the key pair desktop updates are signed with: DIR/updater.key (private: keep it,
    /// only you can read it) and DIR/updater.pub (give it to desktops). Never overwrites a key.
    UpdaterKeygen {
        #[arg(long)]
        out: PathBuf,
    },
    /// Signs a desktop package with the updater's private key and publishes it: desktops of the
    /// platform with an older version are offered it.
    UpdaterPublish {
        /// The private key file updater-keygen wrote.
        #[arg(long)]
        key: PathBuf,
        /// The updater's {os}-{arch}: linux-x86_64, windows-x86_64, darwin-aarch64, ...
        #[arg(long)]
        platform: String,
        #[arg(long)]
        version: String,
        /// The package the updater installs (.deb or .AppImage, .msi or .exe, .app.tar.gz).
        #[arg(long)]
        file: PathBuf,
        #[arg(long, default_value = "")]
        notes: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    Admin,
    Recruiter,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    // Before the settings: the reader needs none, and runs where there may be none.
    if let Command::ExtractText = cli.command {
        return Ok(talentdesk_resume::isolated::serve(std::io::stdin().lock(), std::io::stdout().lock())?);
    }
    // Making a key pair needs no database: it runs wherever the admin keeps the key.
    if let Command::Admin(AdminCommand::UpdaterKeygen { out }) = &cli.command {
        return updater_keygen(out);
    }
    let config = Config::load(cli.config.as_deref())?;
    init_logs(config.json_logs);
    tokio::runtime::Runtime::new()?.block_on(run(cli.command, config))
}

fn init_logs(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    // Colours only for a terminal: the journal and log files would keep the escape codes.
    let colours = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let logs = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(colours);
    if json { logs.json().init() } else { logs.init() }
}

async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    match command {
        Command::Serve => {
            let running = talentdesk_server::app::start(config).await?;
            shutdown_signal().await;
            tracing::info!("shutting down");
            running.stop().await
        }
        Command::Admin(command) => admin_command(&config, command).await,
        Command::Demo { org, candidates, seed } => {
            let pool = talentdesk_server::app::connect(&config).await?;
            demo(&pool, &org, candidates, seed).await
        }
        Command::ExtractText => unreachable!("the reader is served before the settings are read"),
    }
}

async fn demo(pool: &sqlx::PgPool, org: &str, candidates: u64, seed: u64) -> anyhow::Result<()> {
    let password = std::env::var("TALENTDESK_PASSWORD").unwrap_or_else(|_| "talentdesk-demo".to_owned());
    let started = std::time::Instant::now();
    let options = talentdesk_demo::DemoOptions { candidates, seed };
    let summary = talentdesk_server::demo::fill_org(pool, org, options, password.clone(), move |p| match p {
        talentdesk_demo::Progress::Candidates { done, total } => eprint!("\r{done} / {total} candidates"),
        talentdesk_demo::Progress::Phase(phase) => eprint!("\n{:>6.1} s  {phase}...", started.elapsed().as_secs_f64()),
    })
    .await?;
    eprintln!();
    println!("{} candidates in {org} in {:.1} s", summary.candidates, summary.elapsed.as_secs_f64());
    println!("admin: {} (password {password})", summary.admin_email);
    for email in &summary.recruiter_emails {
        println!("recruiter: {email}");
    }
    Ok(())
}

async fn admin_command(config: &Config, command: AdminCommand) -> anyhow::Result<()> {
    // Backup and restore take the schema as it is; everything else works on a migrated one.
    let connect = || talentdesk_server::app::connect(config);
    match command {
        AdminCommand::CreateOrg { name } => {
            let id = admin::create_org(&connect().await?, &name).await?;
            println!("created org {name} ({id})");
        }
        AdminCommand::CreateUser { org, email, name, role, ats_id } => {
            let password = password()?;
            let role = match role {
                RoleArg::Admin => Role::RecruiterAdmin,
                RoleArg::Recruiter => Role::Recruiter,
            };
            let new =
                NewUser { org: &org, email: &email, name: &name, role, ats_id: ats_id.as_deref(), password: &password };
            let user = admin::create_user(&connect().await?, new).await?;
            println!("created {} {} ({})", user.role.code(), user.email, user.id);
        }
        AdminCommand::ResetPassword { email } => {
            let revoked = admin::reset_password(&connect().await?, &email, &password()?).await?;
            println!("password of {email} set; {revoked} sign-ins ended");
        }
        AdminCommand::RevokeTokens { email } => {
            let revoked = admin::revoke_tokens(&connect().await?, &email).await?;
            println!("{revoked} sign-ins of {email} ended");
        }
        AdminCommand::Backup { to, allow_missing_blobs } => {
            let backup = backup::backup(config, &to, allow_missing_blobs).await?;
            println!("backed up into {} and verified: {}", to.display(), described(&backup));
        }
        AdminCommand::Restore { from } => {
            let backup = backup::restore(config, &from).await?;
            println!("restored the backup of {}: {}", backup.created_at.to_rfc3339(), described(&backup));
        }
        AdminCommand::UpdaterKeygen { .. } => unreachable!("a key pair is made before the settings are read"),
        AdminCommand::UpdaterPublish { key, platform, version, file, notes } => {
            let private = std::fs::read_to_string(&key).with_context(|| format!("read {}", key.display()))?;
            let package = std::fs::read(&file).with_context(|| format!("read {}", file.display()))?;
            let file_name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let published =
                updates::publish(&connect().await?, &private, &platform, &version, &notes, &file_name, &package)
                    .await?;
            println!("published {} for {} ({} bytes, signed)", published.version, published.platform, published.bytes);
        }
    }
    Ok(())
}

fn updater_keygen(out: &std::path::Path) -> anyhow::Result<()> {
    updates::keys::write(out)?;
    println!(
        "wrote {} (keep it private) and {} (for desktops)",
        out.join(updates::keys::PRIVATE_FILE).display(),
        out.join(updates::keys::PUBLIC_FILE).display()
    );
    Ok(())
}

/// What a backup holds, in a line.
fn described(backup: &backup::Manifest) -> String {
    let counts = &backup.counts;
    let missing = match backup.missing_blobs.len() {
        0 => String::new(),
        n => format!(" ({n} documents had no bytes in the storage; see missing_blobs in manifest.json)"),
    };
    format!(
        "{} orgs, {} records, {} documents; schema version {}{missing}",
        counts.orgs, counts.records, counts.blobs, backup.schema_version
    )
}

fn password() -> anyhow::Result<String> {
    std::env::var("TALENTDESK_PASSWORD").context("set the password in TALENTDESK_PASSWORD")
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("installing the SIGTERM handler");
    tokio::select! {
        _ = interrupt => {}
        _ = terminate.recv() => {}
    }
}
