//! Check-in badges for events (see DESIGN.md section 6).
