//! `talentdesk-cli insights`: the insights charts of a search (the search command's keywords
//! and filters), as text or JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use talentdesk_store::Store;
use talentdesk_store::search::insights::{Insights, TOP};

use crate::search_args::SearchArgs;

#[derive(Args)]
pub struct InsightsArgs {
    #[command(flatten)]
    pub search: SearchArgs,
    /// Values each chart shows (at most 50).
    #[arg(long, default_value_t = TOP)]
    pub top: usize,
    /// Also save the charts as a spreadsheet (one sheet per chart).
    #[arg(long)]
    pub xlsx: Option<PathBuf>,
}

pub fn insights(args: &InsightsArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open(&args.search.db)?;
    let request = args.search.request(&store)?;
    let insights = store.insights(&request, args.top)?;
    if let Some(path) = &args.xlsx {
        insights.save_xlsx(&request.query, path)?;
    }
    if args.search.json {
        println!("{}", serde_json::to_string_pretty(&insights)?);
    } else {
        print_text(&insights);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_text(insights: &Insights) {
    println!("{} candidates", insights.total);
    if insights.total == 0 {
        println!("Nothing to chart: no candidate matches this search.");
        return;
    }
    for chart in &insights.charts {
        let facet = serde_json::to_value(chart.facet).ok().and_then(|v| v.as_str().map(str::to_owned));
        println!("\n{} ({} values)", facet.unwrap_or_default(), chart.distinct);
        let rest = [("(other)", chart.other), ("(unknown)", chart.unknown)];
        let rows = chart.bars.iter().map(|b| (b.label.as_str(), b.count)).chain(rest.into_iter().filter(|r| r.1 > 0));
        for (label, count) in rows {
            let share = count as f64 * 100.0 / insights.total as f64;
            println!("  {label:<40} {count:>9}  {share:5.1}%");
        }
    }
}
