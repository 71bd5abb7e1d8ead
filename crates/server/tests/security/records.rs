//! Records: a create never overwrites, rejections and pulls tell nothing hidden, replays are caught.
