//! Partnership Atlas: a desktop atlas of Korea–Europe science, technology and innovation
//! partnerships, their indicators, and the notes policy officers keep on them.
//!
//! The modules follow the flow of data: files on disk ([`store`], [`notes`]) → plain types
//! ([`model`]) → pure derived views ([`analysis`]) → the egui front end ([`ui`], [`app`]).

pub mod analysis;
pub mod app;
pub mod briefing;
pub mod desktop;
pub mod io;
pub mod model;
pub mod notes;
pub mod store;
pub mod text;
pub mod ui;
