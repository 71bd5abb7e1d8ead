//! `talentdesk-cli user ...`: the team on a server, through the same routes and client as
//! Settings › Team. The server checks that the signed-in user is an admin. The password comes
//! from TALENTDESK_PASSWORD (that sign-in is ended again when the command is done); without
//! it, the sign-in the keychain keeps for the account is used.

use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};
use talentdesk_domain::user::Role;
use talentdesk_keychain::TokenEntry;
use talentdesk_sync::client::Client;
use talentdesk_sync::wire::{Invitation, OneTimePassword, TeamMember};

#[derive(Args)]
pub struct UserArgs {
    /// The server's base URL, e.g. https://crm.example.com.
    #[arg(long)]
    server: String,
    /// The signed-in user's email (an admin, for anything but `list`).
    #[arg(long = "as")]
    as_user: String,
    #[command(subcommand)]
    which: UserCommand,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Everyone in the organisation: email, role, active, last sign-in, name, ATS ID ("-" for
    /// none), tab-separated.
    List,
    /// Adds a teammate and prints their one-time password (shown only now).
    Invite {
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: String,
        #[arg(long, value_enum, default_value_t = RoleArg::Recruiter)]
        role: RoleArg,
        /// Their System ID in iCIMS (digits), which Submit to Job needs; unique in the
        /// organisation.
        #[arg(long)]
        ats_id: Option<String>,
    },
    /// Sets or changes a teammate's ATS ID (their System ID in iCIMS), or with --clear takes
    /// it away.
    AtsId {
        #[arg(long)]
        email: String,
        #[arg(long, required_unless_present = "clear", conflicts_with = "clear")]
        set: Option<String>,
        #[arg(long)]
        clear: bool,
    },
    /// Changes a teammate's role.
    Role {
        #[arg(long)]
        email: String,
        #[arg(long, value_enum)]
        role: RoleArg,
    },
    /// Deactivates a teammate (their sign-ins end; their records stay), or with --undo
    /// reactivates them.
    Deactivate {
        #[arg(long)]
        email: String,
        #[arg(long)]
        undo: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    Admin,
    Recruiter,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::Admin => Role::RecruiterAdmin,
            RoleArg::Recruiter => Role::Recruiter,
        }
    }
}

pub fn run(args: UserArgs) -> anyhow::Result<ExitCode> {
    tokio::runtime::Runtime::new()?.block_on(async move {
        let (client, signed_in_here) = sign_in(&args.server, &args.as_user).await?;
        let done = act(&client, args.which).await;
        // A sign-in made for this one command ends with it.
        if signed_in_here && let Err(e) = client.logout().await {
            eprintln!("note: the sign-in for this command could not be ended on the server: {e}");
        }
        done.map(|()| ExitCode::SUCCESS)
    })
}

async fn sign_in(server: &str, email: &str) -> anyhow::Result<(Client, bool)> {
    if let Ok(password) = std::env::var("TALENTDESK_PASSWORD") {
        let (client, _) = Client::login(server, email, &password).await?;
        return Ok((client, true));
    }
    let token = TokenEntry::new(server, email)?
        .token()?
        .with_context(|| format!("no saved sign-in for {email} at {server}: set TALENTDESK_PASSWORD"))?;
    Ok((Client::with_token(server, &token)?, false))
}

async fn act(client: &Client, which: UserCommand) -> anyhow::Result<()> {
    match which {
        UserCommand::List => {
            for member in client.team().await? {
                println!("{}", line(&member));
            }
        }
        UserCommand::Invite { name, email, role, ats_id } => {
            let invited = client.invite(&Invitation { name, email, role: role.into(), ats_id }).await?;
            print_password(&invited);
        }
        UserCommand::AtsId { email, set, clear: _ } => {
            let member = teammate(client, &email).await?;
            println!("{}", line(&client.set_ats_id(member.user.id, set).await?));
        }
        UserCommand::Role { email, role } => {
            let member = teammate(client, &email).await?;
            println!("{}", line(&client.set_role(member.user.id, role.into()).await?));
        }
        UserCommand::Deactivate { email, undo } => {
            let member = teammate(client, &email).await?;
            println!("{}", line(&client.set_active(member.user.id, undo).await?));
        }
    }
    Ok(())
}

async fn teammate(client: &Client, email: &str) -> anyhow::Result<TeamMember> {
    let wanted = email.trim().to_lowercase();
    client
        .team()
        .await?
        .into_iter()
        .find(|m| m.user.email == wanted)
        .with_context(|| format!("nobody in the organisation has the email {wanted}"))
}

/// `email  role  active|deactivated  last sign-in  name  ATS ID|-`, tab-separated for scripts.
fn line(member: &TeamMember) -> String {
    let state = if member.active { "active" } else { "deactivated" };
    let seen = member.last_sign_in.map_or_else(|| "never".to_owned(), |at| at.to_rfc3339());
    let ats_id = member.user.ats_id.as_deref().unwrap_or("-");
    format!("{}\t{}\t{state}\t{seen}\t{}\t{ats_id}", member.user.email, member.user.role.code(), member.user.name)
}

fn print_password(given: &OneTimePassword) {
    println!("{}", line(&given.member));
    println!("one-time password (shown only now): {}", given.password);
}
