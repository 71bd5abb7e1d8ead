//! A pipeline's board: one column per workflow status with its count and its first cards, so
//! that the first screen of a 10,000-member pipeline reads a few hundred rows, not all of them.
//! Further cards of a column come a page at a time.

use serde::Serialize;
use talentdesk_domain::user::User;
use ts_rs::TS;
use uuid::Uuid;

use super::{PipelineMemberRow, rows_for, visible_pipeline};
use crate::tables::pipelines;
use crate::{Store, StoreError};

/// The most cards a column shows before its next page is asked for.
const MAX_PER_COLUMN: u32 = 200;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BoardColumn {
    pub status: String,
    /// Every member at this status (the cards are the first of them).
    #[ts(type = "number")]
    pub count: u64,
    pub cards: Vec<PipelineMemberRow>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PipelineBoard {
    /// The pipeline's statuses in order; then any status members still have that the pipeline
    /// no longer lists (so nobody is out of sight).
    pub columns: Vec<BoardColumn>,
}

impl Store {
    /// The board of a pipeline `viewer` may see: each column's count and first `per_column` cards.
    pub fn pipeline_board(
        &self,
        viewer: &User,
        pipeline_id: Uuid,
        per_column: u32,
    ) -> Result<PipelineBoard, StoreError> {
        let conn = self.conn();
        let pipeline = visible_pipeline(conn, viewer, pipeline_id)?;
        let mut counts = pipelines::status_counts(conn, pipeline_id)?;
        let mut statuses = pipeline.statuses;
        counts.sort();
        statuses
            .extend(counts.iter().filter(|(s, _)| !statuses.contains(s)).map(|(s, _)| s.clone()).collect::<Vec<_>>());
        let columns = statuses
            .into_iter()
            .map(|status| {
                let count = counts.iter().find(|(s, _)| *s == status).map_or(0, |(_, n)| *n);
                let cards = if count == 0 { Vec::new() } else { self.column(pipeline_id, &status, per_column, 0)? };
                Ok(BoardColumn { status, count, cards })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(PipelineBoard { columns })
    }

    /// The next page of one column of a pipeline's board.
    pub fn pipeline_column(
        &self,
        viewer: &User,
        pipeline_id: Uuid,
        status: &str,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<PipelineMemberRow>, StoreError> {
        visible_pipeline(self.conn(), viewer, pipeline_id)?;
        self.column(pipeline_id, status, limit, offset)
    }

    fn column(
        &self,
        pipeline_id: Uuid,
        status: &str,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<PipelineMemberRow>, StoreError> {
        let conn = self.conn();
        let members = pipelines::at_status(conn, pipeline_id, status, limit.min(MAX_PER_COLUMN), offset)?;
        let rows = rows_for(conn, &members.iter().map(|m| m.0).collect::<Vec<_>>())?;
        Ok(rows
            .into_iter()
            .zip(members)
            .map(|(candidate, (_, added_at))| PipelineMemberRow { candidate, status: status.to_owned(), added_at })
            .collect())
    }
}
