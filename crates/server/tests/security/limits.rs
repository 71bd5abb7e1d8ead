//! Resource limits: one client or one stranger cannot stop the server for the team.
