//! `serve`: the flags of `dateline serve`, handed to the serve crate.

use crate::VerbArgs;
use clap::Args;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Args)]
pub struct ServeArgs {
    /// The database file. Without a token it must exist and is opened read-only.
    #[arg(long, default_value = "dateline.db")]
    db: PathBuf,
    /// Address to listen on (port 0: any free port). Loopback unless told otherwise.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// With a token the database is opened for writing too, and POST /api/articles codes and
    /// stores articles from clients that send `Authorization: Bearer TOKEN`. Prefer the
    /// environment variable DATELINE_TOKEN: a flag shows in the process list.
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    /// The largest request body, in bytes (413 over it).
    #[arg(long, value_name = "N", default_value_t = dateline_serve::DEFAULT_MAX_BODY,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    max_body_bytes: usize,
    /// Read-only database connections: queries that run at once.
    #[arg(long, value_name = "N", default_value_t = 4,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=64))]
    readers: usize,
    /// Bytes of the database each reader maps into memory, in MiB (SQLite's mmap_size): a
    /// mapped page is read without a system call or a copy. Mapped pages count in the
    /// process's resident size once per reader, though they are the operating system's file
    /// cache, shared; 0 reads through system calls only.
    #[arg(long, value_name = "MIB", default_value_t = dateline_serve::DEFAULT_MMAP_MIB,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(0..=1 << 20))]
    mmap_mib: usize,
    #[command(flatten)]
    verbs: VerbArgs,
}

pub fn run(args: &ServeArgs) -> Result<usize, String> {
    if args.verbs.explain {
        return Err(
            "--explain is for `dateline code` (and `ingest`, which stores the explanations); \
             `serve` stores POSTed articles as coded"
                .to_string(),
        );
    }
    let token = args
        .token
        .clone()
        .or_else(|| std::env::var("DATELINE_TOKEN").ok());
    let verbs = VerbArgs {
        verbs: args.verbs.verbs.clone(),
        all_languages: args.verbs.all_languages,
        all_topics: args.verbs.all_topics,
        min_confidence: args.verbs.min_confidence,
        // (a POSTed article is stored as coded; explanations are for `code`)
        explain: false,
    };
    dateline_serve::run(dateline_serve::Config {
        db: args.db.clone(),
        addr: args.addr,
        token,
        max_body: args.max_body_bytes,
        readers: args.readers,
        mmap_bytes: args.mmap_mib << 20,
        pipeline: Box::new(move || crate::pipeline(&verbs)),
    })?;
    Ok(0)
}
